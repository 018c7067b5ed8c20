import type { CloseReason } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';

const uses = { rejected: 'reject', withdrawn: 'withdraw' } as const;

/** What was last done to a reason, for the banner; `n` gives each outcome a banner of its own (announced and focused). */
type Done = { n: number; what: 'retired' | 'restored'; reason: CloseReason };

/**
 * Retiring a reason, asked to be confirmed first, and undone by restoring it. `changed` runs after
 * either went through, to fetch the lists again.
 */
export function useReasonRetirement(changed: () => void) {
  const trpc = useTRPC();
  const [asked, setAsked] = useState<CloseReason | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const show = (what: Done['what'], reason: CloseReason) => setDone((d) => ({ n: (d?.n ?? 0) + 1, what, reason }));
  const retire = useMutation(
    trpc.admin.retireCloseReason.mutationOptions({
      onSuccess: (r) => {
        setAsked(null);
        show('retired', r);
        changed();
      },
    }),
  );
  const restore = useMutation(
    trpc.admin.restoreCloseReason.mutationOptions({
      onSuccess: (r) => {
        show('restored', r);
        changed();
      },
    }),
  );
  return {
    asked,
    done,
    retire,
    restore,
    isPending: retire.isPending || restore.isPending,
    /** Opens the confirmation step; nothing changes until it is confirmed. */
    askToRetire: (r: CloseReason) => {
      retire.reset();
      setAsked(r);
    },
    cancel: () => setAsked(null),
    restoreReason: (r: CloseReason) => {
      restore.reset();
      restore.mutate({ id: r.id });
    },
    /** Forgets the last outcome (another change to the list was made since). */
    clear: () => {
      setDone(null);
      restore.reset();
    },
  };
}

type Retirement = ReturnType<typeof useReasonRetirement>;

/** "Retire ‘X’?": what retiring does, and that it can be undone. */
export function RetireReasonDialog({ retirement }: { retirement: Retirement }) {
  const { asked, retire } = retirement;
  return (
    <Dialog isOpen={asked !== null} title={asked ? `Retire ‘${asked.label}’?` : ''} onClose={retirement.cancel}>
      {asked && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            retire.mutate({ id: asked.id });
          }}
        >
          {retire.error && (
            <p className="govuk-error-message" role="alert">
              {errorMessage(retire.error)}
            </p>
          )}
          <p className="govuk-body">
            Caseworkers will no longer be able to choose it when they {uses[asked.kind]} a case. Cases closed for this reason keep
            it in their history.
          </p>
          <p className="govuk-body">You can restore it at any time.</p>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={retire.isPending}>
              Retire reason
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={retirement.cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The outcome of the last retire or restore: a success banner (retiring offers Undo), or why restoring was refused. */
export function RetirementOutcome({ retirement }: { retirement: Retirement }) {
  const { done, restore } = retirement;
  return (
    <>
      {restore.error && (
        <p className="govuk-error-message" role="alert">
          {errorMessage(restore.error)}
        </p>
      )}
      {done && (
        <NotificationBanner
          key={done.n}
          variant="success"
          heading={
            done.what === 'retired' ? (
              <>
                Retired ‘{done.reason.label}’.{' '}
                <button
                  type="button"
                  className="app-link-button govuk-notification-banner__link"
                  disabled={retirement.isPending}
                  onClick={() => retirement.restoreReason(done.reason)}
                >
                  Undo<span className="govuk-visually-hidden"> retiring ‘{done.reason.label}’</span>
                </button>
              </>
            ) : (
              <>Restored ‘{done.reason.label}’.</>
            )
          }
        />
      )}
    </>
  );
}
