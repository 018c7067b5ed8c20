import type { CalendarFeed as Feed } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * The user's private calendar feed: an address a calendar app subscribes to, listing their interviews.
 * The server shows the address once, when it is made (it keeps only a hash of it); a new address stops
 * the old one, and stopping the feed makes the address answer nothing.
 */
export function CalendarFeed() {
  const trpc = useTRPC();
  const [showNames, setShowNames] = useState(false);
  const [feed, setFeed] = useState<Feed | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  // What the user just did, in a banner; `n` makes the same words again a new one.
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const say = (text: string) => setDone((d) => ({ n: (d?.n ?? 0) + 1, text }));
  const create = useMutation(
    trpc.calendar.createFeed.mutationOptions({
      onSuccess: (f) => {
        revoke.reset();
        setDone(null);
        setFeed(f);
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revokeFeed.mutationOptions({
      onSuccess: ({ revoked }) => {
        create.reset();
        setFeed(null);
        setIsConfirming(false);
        say(
          revoked
            ? 'Your calendar feed is stopped: calendars subscribed to it will no longer get your interviews.'
            : 'You had no calendar feed to stop.',
        );
      },
    }),
  );
  const error = create.error ?? revoke.error;
  return (
    <section className="app-section" aria-labelledby="calendar-feed-title">
      <h2 className="govuk-heading-m" id="calendar-feed-title">
        Your calendar feed
      </h2>
      <div className="govuk-!-width-two-thirds">
        <p className="govuk-body">
          Your calendar app (Outlook, Google Calendar, Apple Calendar) can subscribe to your interviews: it then shows
          the interviews you sit on, and a unit lead’s also those of their units, and keeps them up to date when
          one moves or is cancelled.
        </p>
        <p className="govuk-body">
          The feed has a private address. Anyone who has it can read your interviews, so keep it to yourself. Making a
          new address stops the one you had.
        </p>
        <Dialog isOpen={isConfirming} title="Stop your calendar feed?" onClose={() => setIsConfirming(false)}>
          <p className="govuk-body">
            Calendars subscribed to your feed will stop getting your interviews. You can make a new address afterwards.
          </p>
          {revoke.error && <p className="govuk-error-message">{errorMessage(revoke.error)}</p>}
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              Stop the feed
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setIsConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
        {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
        {error && !isConfirming && (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">{create.error ? 'The feed was not made' : 'The feed was not stopped'}</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{errorMessage(error)}</p>
            </div>
          </div>
        )}
        {feed ? (
          <FeedAddress feed={feed} />
        ) : (
          <form
            noValidate
            aria-label="Create a calendar feed"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ showNames });
            }}
          >
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="feed-show-names"
                    type="checkbox"
                    checked={showNames}
                    aria-describedby="feed-show-names-hint"
                    onChange={(e) => setShowNames(e.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="feed-show-names">
                    Show candidates’ names in the titles
                  </label>
                  <div id="feed-show-names-hint" className="govuk-hint govuk-checkboxes__hint">
                    Without names, each interview is titled by its reference and unit. With them, your calendar provider
                    (Microsoft, Google, Apple) would see the names of the officers you interview.
                  </div>
                </div>
              </div>
            </div>
            <button type="submit" className="govuk-button" disabled={create.isPending}>
              Create a feed address
            </button>
          </form>
        )}
        <p className="govuk-body">
          <button
            type="button"
            className="app-link-button govuk-link"
            onClick={() => {
              revoke.reset();
              setIsConfirming(true);
            }}
          >
            Stop the feed
          </button>
        </p>
      </div>
    </section>
  );
}

/** The new address, this once, in a box to copy from. */
function FeedAddress({ feed }: { feed: Feed }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('Copied. Paste it into your calendar app as a calendar to subscribe to (“from the web”, “by URL”).');
    } catch {
      setCopied('Your browser did not let Muster copy it: the address is selected, press Ctrl+C (or ⌘C) to copy it.');
    }
  };
  return (
    <div className="app-feed-address">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-url`}>
          Your feed address
        </label>
        <div id={`${id}-hint`} className="govuk-hint">
          Copy it now: Muster will not show it again.{' '}
          {feed.showNames ? 'Titles include candidates’ names.' : 'Titles show the reference and unit, not names.'}
        </div>
        <div className="app-feed-address__row">
          <input
            ref={input}
            id={`${id}-url`}
            className="govuk-input app-feed-address__input"
            type="text"
            readOnly
            spellCheck={false}
            value={feed.url}
            aria-describedby={`${id}-hint`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void copy()}>
            Copy<span className="govuk-visually-hidden"> the feed address</span>
          </button>
        </div>
      </div>
      <p className="govuk-body app-saved" role="status">
        {copied}
      </p>
    </div>
  );
}
