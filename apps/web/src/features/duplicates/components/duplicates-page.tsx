import type { DuplicateFlag } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Textarea } from '../../../components/fields.tsx';
import { Loading } from '../../../components/loading.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { formatDate } from '../../../lib/dates.ts';
import { errorCode, errorMessage, errorReasons, fieldErrors } from '../../../lib/errors.ts';
import { describeMatches, stageLabels, stageTagClass } from '../../../lib/labels.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

type Flag = DuplicateFlag;
type Side = Flag['application'];
type Pending = { flag: Flag; action: 'merge' | 'dismiss' };

export function DuplicatesPage() {
  usePageTitle('Possible duplicates');
  const me = useMe();
  if (!me.may.intake) {
    return (
      <>
        <h1 className="govuk-heading-l">Possible duplicates</h1>
        <p className="govuk-body">Only the resourcing team resolves possible duplicates.</p>
      </>
    );
  }
  return <Duplicates />;
}

function ApplicationColumn({ title, c }: { title: string; c: Side }) {
  const backState = useBackState('Back to possible duplicates');
  return (
    <div className="app-dup__case">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{title}</h3>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-list">
        {(
          [
            [
              'Reference',
              <Link className="govuk-link" to={`/cases/${c.id}`} state={backState} key="ref">
                {c.reference}
              </Link>,
            ],
            ['Name', `${c.firstName} ${c.lastName}`],
            ['Email', c.email],
            ['Received', formatDate(c.receivedAt)],
            [
              'Stage',
              <strong key="stage" className={`govuk-tag ${stageTagClass[c.stage]}`}>
                {stageLabels[c.stage]}
              </strong>,
            ],
          ] as const
        ).map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Open duplicate flags, the two cases side by side: merge the newer into the older, or say they are different people. */
function Duplicates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flags = useQuery(trpc.duplicates.list.queryOptions({ status: 'open' }, { refetchInterval: refreshIntervalMs }));
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.triage.pathKey() });
  };
  const callbacks = (done: (p: Pending) => string) => ({
    onSuccess: () => {
      if (pending) setStatus(done(pending));
      setPending(null);
      setReason('');
      setProblems([]);
      refresh();
    },
    onError: (error: unknown) => {
      if (errorCode(error) === 'BAD_REQUEST' && fieldErrors(error).reason) return; // shown in the dialog
      if (errorCode(error) === 'UNAUTHORIZED') return;
      setPending(null);
      const reasons = errorReasons(error);
      setProblems((reasons.length ? reasons : [errorMessage(error)]).map((text) => ({ href: '#duplicates', text })));
      setStatus('');
      refresh();
    },
  });
  const merge = useMutation(
    trpc.duplicates.merge.mutationOptions(
      callbacks((p) => `${p.flag.application.reference} merged into ${p.flag.duplicateOf.reference}.`),
    ),
  );
  const dismiss = useMutation(
    trpc.duplicates.dismiss.mutationOptions(
      callbacks((p) => `${p.flag.application.reference} and ${p.flag.duplicateOf.reference} kept apart: not the same person.`),
    ),
  );
  const mutation = pending?.action === 'merge' ? merge : dismiss;
  const reasonErrors = pending && mutation.error ? fieldErrors(mutation.error).reason : undefined;

  return (
    <>
      <h1 className="govuk-heading-l">Possible duplicates</h1>
      <p className="govuk-body">
        A new case is flagged when it has the same email as another, the same warrant number in the same force, or the same name
        and date of birth. Merging withdraws the newer case and carries its phone, preferences and skills to the older one.
      </p>
      <ErrorSummary title="Nothing was changed" errors={problems} />
      <p className="govuk-body app-saved" role="status">
        {status}
      </p>
      <section id="duplicates" tabIndex={-1} aria-label="Open possible duplicates">
        {!flags.data ? (
          flags.isError ? (
            <p className="govuk-body">{errorMessage(flags.error)}</p>
          ) : (
            <Loading what="Loading the possible duplicates" />
          )
        ) : flags.data.length === 0 ? (
          <p className="govuk-body">There are no open possible duplicates.</p>
        ) : (
          <ul className="govuk-list app-dup-list">
            {flags.data.map((f) => (
              <li key={f.id} className="app-dup">
                <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                  {f.application.firstName} {f.application.lastName}: {f.application.reference} and {f.duplicateOf.reference}
                </h2>
                <p className="govuk-body">
                  Matched on {describeMatches(f.matches)}. Flagged on {formatDate(f.createdAt)}.
                </p>
                <div className="app-dup__pair">
                  <ApplicationColumn title="Newer case (flagged)" c={f.application} />
                  <ApplicationColumn title="Older case" c={f.duplicateOf} />
                </div>
                <div className="govuk-button-group">
                  <button
                    type="button"
                    className="govuk-button"
                    onClick={() => {
                      merge.reset();
                      setReason('');
                      setPending({ flag: f, action: 'merge' });
                    }}
                  >
                    Merge into {f.duplicateOf.reference}
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => {
                      dismiss.reset();
                      setReason('');
                      setPending({ flag: f, action: 'dismiss' });
                    }}
                  >
                    Not the same person<span className="govuk-visually-hidden">: {f.application.reference}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Dialog
        isOpen={pending !== null}
        title={
          pending
            ? pending.action === 'merge'
              ? `Merge ${pending.flag.application.reference} into ${pending.flag.duplicateOf.reference}`
              : `${pending.flag.application.reference} and ${pending.flag.duplicateOf.reference} are not the same person`
            : ''
        }
        onClose={() => setPending(null)}
      >
        {pending && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              mutation.mutate({ flagId: pending.flag.id, expectedVersion: pending.flag.application.version, reason });
            }}
          >
            <ErrorSummary errors={(reasonErrors ?? []).map((text) => ({ href: '#duplicate-reason', text }))} />
            {pending.action === 'merge' && (
              <p className="govuk-body">
                {pending.flag.application.reference} will be withdrawn as “Merged into {pending.flag.duplicateOf.reference}”.
              </p>
            )}
            <Textarea
              id="duplicate-reason"
              label={pending.action === 'merge' ? 'Why are they the same person?' : 'Why are they different people?'}
              hint="This is kept in both cases' histories."
              errors={reasonErrors}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={mutation.isPending}>
                {pending.action === 'merge' ? `Merge into ${pending.flag.duplicateOf.reference}` : 'Not the same person'}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
