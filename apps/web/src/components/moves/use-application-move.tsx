import type { ApplicationDetail, ApplicationMove, Stage, Unmet } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorCode, errorMessage, errorUnmet, fieldErrors } from '../../lib/errors.ts';
import { moveLabel, stageLabels } from '../../lib/labels.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Dialog } from '../dialog.tsx';
import { ErrorSummary } from '../error-summary.tsx';
import { Radios, Textarea } from '../fields.tsx';

export type MovableApplication = { id: number; name: string; stage: Stage; version: number };

type Pending = { c: MovableApplication; move: ApplicationMove };
type Outcome =
  | { kind: 'refused'; c: MovableApplication; to: Stage; unmet: Unmet[]; message: string }
  | { kind: 'conflict'; c: MovableApplication; message: string }
  | { kind: 'failed'; c: MovableApplication; message: string };

/**
 * Moving a case, from the board or the case page: asks for a reason where one is needed, and
 * explains a refusal (every unmet gate, each linking to the form that fixes it) or a conflict
 * (someone else changed the case; the fresh state is fetched) in a dialog where the user is looking.
 */
export function useApplicationMove({
  onMoved,
}: { onMoved?: (c: MovableApplication, to: Stage, detail: ApplicationDetail) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [askReason, setAskReason] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [reasonId, setReasonId] = useState('');
  const isClosing = askReason?.move.needsReason === 'listed';
  // Rejecting and withdrawing name a reason from the list the admins keep; moving back or reopening needs the user's words.
  const closeReasons = useQuery(
    trpc.reference.closeReasons.queryOptions(undefined, { staleTime: 5 * 60_000, enabled: isClosing }),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const pendingRef = useRef<MovableApplication | null>(null);

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
          onMoved?.(c, vars.to, detail);
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
          setOutcome({ kind: 'refused', c, to: vars.to, unmet: errorUnmet(error), message: errorMessage(error) });
        } else if (code === 'CONFLICT') {
          setOutcome({ kind: 'conflict', c, message: errorMessage(error) });
          void refresh();
        } else if (code !== 'UNAUTHORIZED') {
          setOutcome({ kind: 'failed', c, message: errorMessage(error) });
        }
      },
    }),
  );
  function send(c: MovableApplication, to: Stage, why?: { text: string; listedId?: string }) {
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

  /** Starts a move: straight away when it needs no reason (a step forward), via the reason dialog otherwise. */
  function requestMove(c: MovableApplication, move: ApplicationMove) {
    if (move.needsReason) {
      mutation.reset();
      setReason('');
      setReasonId('');
      setAskReason({ c, move });
    } else send(c, move.to);
  }

  const reasonErrors = askReason && mutation.error ? fieldErrors(mutation.error).reason : undefined;
  const listedErrors = askReason && mutation.error ? fieldErrors(mutation.error).reasonId : undefined;
  const listed = (closeReasons.data ?? []).filter((r) => r.isActive && r.kind === askReason?.move.to);

  const dialogs = (
    <>
      <p className="govuk-visually-hidden" role="status">
        {announcement}
      </p>
      <Dialog
        isOpen={askReason !== null}
        title={askReason ? `${moveLabel(askReason.move)}: ${askReason.c.name}` : ''}
        onClose={() => setAskReason(null)}
      >
        {askReason && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send(askReason.c, askReason.move.to, { text: reason, listedId: reasonId });
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
                legend={askReason.move.to === 'rejected' ? 'Why is the case rejected?' : 'Why is the case withdrawn?'}
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
                className={['govuk-button', askReason.move.kind === 'close' ? 'govuk-button--warning' : ''].join(' ')}
                disabled={mutation.isPending}
              >
                {moveLabel(askReason.move)}
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
                {outcome.unmet.map((u) => (
                  <li key={u.message}>
                    {/* The server names the section of the case page whose form fixes each one. */}
                    <Link to={`/cases/${outcome.c.id}${u.section ? `#${u.section}` : ''}`} onClick={() => setOutcome(null)}>
                      {u.message}
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
