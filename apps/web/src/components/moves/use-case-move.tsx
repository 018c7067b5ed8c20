import type { Stage } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorCode, errorMessage, errorReasons, fieldErrors } from '../../lib/errors.ts';
import { moveLabel, moveNeedsReason, stageLabels } from '../../lib/labels.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Dialog } from '../dialog.tsx';
import { ErrorSummary } from '../error-summary.tsx';
import { Radios, Textarea } from '../fields.tsx';
import { sectionFor } from './fix-links.ts';

export type MovableCase = { id: number; name: string; stage: Stage; version: number };

type Pending = { c: MovableCase; to: Stage };
type Outcome =
  | { kind: 'refused'; c: MovableCase; to: Stage; reasons: string[]; message: string }
  | { kind: 'conflict'; c: MovableCase; message: string }
  | { kind: 'failed'; c: MovableCase; message: string };

/**
 * Moving a case, from the board or the case page: asks for a reason where one is needed, and
 * explains a refusal (every unmet gate, each linking to the form that fixes it) or a conflict
 * (someone else changed the case; the fresh state is fetched) in a dialog where the user is looking.
 */
export function useCaseMove({ onMoved }: { onMoved?: (c: MovableCase, to: Stage) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [askReason, setAskReason] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [reasonId, setReasonId] = useState('');
  const isClosing = askReason !== null && (askReason.to === 'rejected' || askReason.to === 'withdrawn');
  // Rejecting and withdrawing name a reason from the list the admins keep; moving back or reopening needs the user's words.
  const closeReasons = useQuery(
    trpc.reference.closeReasons.queryOptions(undefined, { staleTime: 5 * 60_000, enabled: isClosing }),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const pendingRef = useRef<MovableCase | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });

  const mutation = useMutation(
    trpc.applications.move.mutationOptions({
      onSuccess: (detail, vars) => {
        queryClient.setQueryData(trpc.applications.get.queryKey({ id: detail.id }), detail);
        const c = pendingRef.current;
        setAskReason(null);
        setReason('');
        if (c) {
          setAnnouncement(`${c.name} moved to ${stageLabels[vars.to].toLowerCase()}.`);
          onMoved?.(c, vars.to);
        }
        void refresh();
      },
      onError: (error, vars) => {
        const c = pendingRef.current;
        if (!c) return;
        const code = errorCode(error);
        const fields = fieldErrors(error);
        if (code === 'BAD_REQUEST' && (fields.reason || fields.reasonId) && askReason) return; // shown in the reason dialog
        setAskReason(null);
        if (code === 'PRECONDITION_FAILED') {
          setOutcome({ kind: 'refused', c, to: vars.to, reasons: errorReasons(error), message: errorMessage(error) });
        } else if (code === 'CONFLICT') {
          setOutcome({ kind: 'conflict', c, message: errorMessage(error) });
          void refresh();
        } else if (code !== 'UNAUTHORIZED') {
          setOutcome({ kind: 'failed', c, message: errorMessage(error) });
        }
      },
    }),
  );
  function send(c: MovableCase, to: Stage, why?: { text: string; listedId?: string }) {
    pendingRef.current = c;
    // A blank reason goes as none, so the server answers with what it needs ("Give a reason for rejecting.").
    const text = why?.text.trim();
    const input = {
      id: c.id,
      expectedVersion: c.version,
      to,
      ...(text ? { reason: text } : {}),
      ...(why?.listedId ? { reasonId: Number(why.listedId) } : {}),
    };
    mutation.mutate(input);
  }

  /** Starts a move: straight away for a step forward, via the reason dialog otherwise. */
  function requestMove(c: MovableCase, to: Stage) {
    if (moveNeedsReason(c.stage, to)) {
      mutation.reset();
      setReason('');
      setReasonId('');
      setAskReason({ c, to });
    } else send(c, to);
  }

  const reasonErrors = askReason && mutation.error ? fieldErrors(mutation.error).reason : undefined;
  const listedErrors = askReason && mutation.error ? fieldErrors(mutation.error).reasonId : undefined;
  const listed = (closeReasons.data ?? []).filter((r) => r.isActive && r.kind === askReason?.to);

  const dialogs = (
    <>
      <p className="govuk-visually-hidden" role="status">
        {announcement}
      </p>
      <Dialog
        isOpen={askReason !== null}
        title={askReason ? `${moveLabel(askReason.c.stage, askReason.to)}: ${askReason.c.name}` : ''}
        onClose={() => setAskReason(null)}
      >
        {askReason && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send(askReason.c, askReason.to, { text: reason, listedId: reasonId });
            }}
          >
            <ErrorSummary
              errors={[
                ...(listedErrors ?? []).map((text) => ({ href: '#move-reason-id', text })),
                ...(reasonErrors ?? []).map((text) => ({ href: '#move-reason', text })),
              ]}
            />
            {isClosing && listed.length > 0 && (
              <Radios
                id="move-reason-id"
                legend={askReason.to === 'rejected' ? 'Why is the case rejected?' : 'Why is the case withdrawn?'}
                errors={listedErrors}
                value={reasonId}
                onChange={setReasonId}
                options={listed.map((r) => ({ value: String(r.id), label: r.label }))}
              />
            )}
            <Textarea
              id="move-reason"
              label={isClosing && listed.length > 0 ? 'More detail (optional)' : 'Reason'}
              hint="This is kept in the case history."
              errors={reasonErrors}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
            />
            <div className="govuk-button-group">
              <button
                type="submit"
                className={[
                  'govuk-button',
                  askReason.to === 'rejected' || askReason.to === 'withdrawn' ? 'govuk-button--warning' : '',
                ].join(' ')}
                disabled={mutation.isPending}
              >
                {moveLabel(askReason.c.stage, askReason.to)}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAskReason(null)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Dialog>
      <Dialog
        isOpen={outcome !== null}
        title={
          outcome?.kind === 'refused'
            ? `${outcome.c.name} cannot move to ${stageLabels[outcome.to].toLowerCase()} yet`
            : outcome?.kind === 'conflict'
              ? 'Someone else changed this case'
              : 'The case was not moved'
        }
        onClose={() => setOutcome(null)}
      >
        {outcome?.kind === 'refused' && (
          <div className="govuk-error-summary app-error-summary--static">
            <h3 className="govuk-error-summary__title">What needs doing first</h3>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {outcome.reasons.map((r) => (
                  <li key={r}>
                    <Link to={`/cases/${outcome.c.id}#${sectionFor(r)}`} onClick={() => setOutcome(null)}>
                      {r}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {outcome?.kind === 'conflict' && (
          <>
            <p className="govuk-body">{outcome.message}</p>
            <p className="govuk-body">Nothing was changed. What you see now is the case as it stands.</p>
          </>
        )}
        {outcome?.kind === 'failed' && <p className="govuk-body">{outcome.message}</p>}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOutcome(null)}>
          Close
        </button>
      </Dialog>
    </>
  );

  return { requestMove, dialogs, isPending: mutation.isPending };
}
