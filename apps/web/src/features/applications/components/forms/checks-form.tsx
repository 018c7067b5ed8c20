import type { ApplicationDetail, CheckClearance, CheckRecord, CheckStatus, VettingLevel } from '@muster/contracts';
import { vettingLevels } from '@muster/contracts/vocabulary';
import { useMutation } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { DateInput, ErrorMessage } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { datePartsOf, noDate, parseDate, type DateParts } from '../../../../lib/date-parts.ts';
import { formatDate } from '../../../../lib/dates.ts';
import { checkClearanceLabels, checkStatusLabels, vettingLevelLabels, waitsOnLabels } from '../../../../lib/labels.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite, WriteOutcomeContext } from '../../hooks/use-application-write.ts';

const statusTag: Record<CheckStatus, string> = {
  not_started: 'govuk-tag--grey',
  requested: 'govuk-tag--blue',
  passed: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  waived: 'govuk-tag--yellow',
};

export function CheckStatusTag({ status }: { status: CheckStatus }) {
  return <strong className={`govuk-tag ${statusTag[status]}`}>{checkStatusLabels[status]}</strong>;
}

const clearanceTag: Record<CheckClearance, string> = {
  cleared: 'govuk-tag--green',
  pending: 'govuk-tag--grey',
  refer: 'govuk-tag--red',
};

/** A check as a reader not given its details sees it: cleared, pending or refer. */
function ClearanceTag({ clearance }: { clearance: CheckClearance }) {
  return <strong className={`govuk-tag ${clearanceTag[clearance]}`}>{checkClearanceLabels[clearance]}</strong>;
}

/** The checks that record a vetting level and expiry (the server refuses a level on any other). */
const vettingChecks = ['vetting', 'counter_terrorist_check', 'security_check'];

/**
 * Pre-employment checks as a GOV.UK task list, one item each: who it waits on, when it was requested
 * and is due, an overdue tag, its chasers, for vetting the level and expiry; for resourcing at
 * pre-employment a change and a chaser. A reader not given the details sees only the clearance.
 */
export function ChecksList({ detail, isEditable }: { detail: ApplicationDetail; isEditable: boolean }) {
  return (
    <ul className="govuk-task-list app-checks" aria-label="Pre-employment checks">
      {detail.checks.map((c) => {
        const id = `check-${c.check}`;
        const facts = [
          `Waits on: ${waitsOnLabels[c.waitsOn]}`,
          c.requestedAt ? `requested ${formatDate(c.requestedAt)}` : null,
          c.dueOn ? `due ${formatDate(c.dueOn)}` : null,
          c.level ? `level: ${vettingLevelLabels[c.level]}` : null,
          c.expiresOn ? `expires ${formatDate(c.expiresOn)}` : null,
        ].filter(Boolean);
        return (
          <li key={c.check} className="govuk-task-list__item app-checks__row">
            <div className="govuk-task-list__name-and-hint app-checks__name">
              <span className="govuk-body govuk-!-font-weight-bold app-checks__title">{c.name}</span>
              {!c.isRequired && <span className="govuk-body-s"> (no longer required)</span>}
              <div id={`${id}-hint`} className="govuk-task-list__hint">
                {facts.join('; ')}
              </div>
              {c.updatedAt && (
                <div className="govuk-body-s app-muted app-checks__by">
                  {c.status ? `${checkStatusLabels[c.status]} by ${c.updatedBy ?? 'someone'} on ` : 'Updated on '}
                  {formatDate(c.updatedAt)}
                  {c.reason ? `: ${c.reason}` : ''}
                </div>
              )}
              {c.chasers.length > 0 && (
                <div className="govuk-body-s app-muted">
                  Chased: {c.chasers.map((h) => `${formatDate(h.at)} by ${h.by} (${h.toWhom.toLowerCase()})`).join('; ')}
                </div>
              )}
            </div>
            <div className="govuk-task-list__status" id={`${id}-state`}>
              {c.status ? <CheckStatusTag status={c.status} /> : <ClearanceTag clearance={c.clearance} />}
              {c.isOverdue && (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                </>
              )}
            </div>
            {isEditable && c.isRequired && c.status && <CheckRowForm detail={detail} check={c} status={c.status} />}
          </li>
        );
      })}
    </ul>
  );
}

function CheckRowForm({
  detail,
  check,
  status: current,
}: {
  detail: ApplicationDetail;
  check: CheckRecord;
  status: CheckStatus;
}) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<CheckStatus>(current);
  const [reason, setReason] = useState(check.reason ?? '');
  const [requestedOn, setRequestedOn] = useState<DateParts>(check.requestedAt ? datePartsOf(check.requestedAt) : noDate);
  const [level, setLevel] = useState<VettingLevel | ''>(check.level ?? '');
  const [expiresOn, setExpiresOn] = useState<DateParts>(check.expiresOn ? datePartsOf(check.expiresOn) : noDate);
  const [dateProblems, setDateProblems] = useState<Record<string, string[]>>({});
  const write = useApplicationWrite(detail.id);
  const report = useContext(WriteOutcomeContext);
  const mutation = useMutation(trpc.checks.update.mutationOptions(write));
  const chase = useMutation(
    trpc.checks.chase.mutationOptions({
      onSuccess: (r) => {
        write.onSuccess(r.application);
        report({
          kind: 'done',
          summary: r.isMessageQueued
            ? `${check.name} chased: an email to the candidate is queued.`
            : `${check.name} chased: recorded only, Muster has no address for the ${r.toWhom.toLowerCase()}; contact them directly.`,
        });
      },
      onError: write.onError,
    }),
  );
  const base = `check-${check.check}`;
  const { byField, unplaced: otherErrors } = formErrors(
    mutation.error ?? chase.error,
    {
      reason: `${base}-reason`,
      status: `${base}-status`,
      requestedOn: `${base}-requested`,
      level: `${base}-level`,
      expiresOn: `${base}-expires`,
    },
    `${base}-status`,
  );
  const needsReason = status === 'waived' || status === 'failed';
  const isVetting = vettingChecks.includes(check.check);
  const showsRequested = status === 'requested';
  const showsLevel = isVetting && status === 'passed';
  const errorsOf = (field: string) => [...(dateProblems[field] ?? []), ...(byField[field] ?? [])];
  return (
    <form
      noValidate
      className="app-checks__form"
      aria-label={`Update ${check.name}`}
      onSubmit={(ev) => {
        ev.preventDefault();
        const req = showsRequested ? parseDate(requestedOn, 'The date requested') : { iso: '' };
        const exp = showsLevel ? parseDate(expiresOn, 'The expiry date') : { iso: '' };
        const problems: Record<string, string[]> = {};
        if ('problem' in req && req.problem) problems.requestedOn = [req.problem.message];
        if ('problem' in exp && exp.problem) problems.expiresOn = [exp.problem.message];
        setDateProblems(problems);
        if (Object.keys(problems).length) return;
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          check: check.check,
          status,
          reason: needsReason ? reason : null,
          requestedOn: 'iso' in req && req.iso ? req.iso : null,
          level: showsLevel && level ? level : null,
          expiresOn: 'iso' in exp && exp.iso ? exp.iso : null,
        });
      }}
    >
      <div
        className={['govuk-form-group', byField.status?.length || otherErrors.length ? 'govuk-form-group--error' : ''].join(' ')}
      >
        <label className="govuk-label govuk-visually-hidden" htmlFor={`${base}-status`}>
          Status of {check.name}
        </label>
        <ErrorMessage id={`${base}-status`} errors={[...(byField.status ?? []), ...otherErrors]} />
        <select
          id={`${base}-status`}
          className="govuk-select"
          value={status}
          aria-describedby={otherErrors.length || byField.status?.length ? `${base}-status-error` : undefined}
          onChange={(ev) => setStatus(ev.target.value as CheckStatus)}
        >
          {(Object.keys(checkStatusLabels) as CheckStatus[]).map((s) => (
            <option key={s} value={s}>
              {checkStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      {needsReason && (
        <div className={['govuk-form-group', byField.reason?.length ? 'govuk-form-group--error' : ''].join(' ')}>
          <label className="govuk-label govuk-visually-hidden" htmlFor={`${base}-reason`}>
            Reason {status === 'waived' ? 'for waiving' : 'for failing'} {check.name}
          </label>
          <ErrorMessage id={`${base}-reason`} errors={byField.reason} />
          <input
            id={`${base}-reason`}
            className={['govuk-input', byField.reason?.length ? 'govuk-input--error' : ''].join(' ')}
            placeholder="Reason"
            value={reason}
            aria-describedby={byField.reason?.length ? `${base}-reason-error` : undefined}
            onChange={(ev) => setReason(ev.target.value)}
          />
        </div>
      )}
      {showsRequested && (
        <DateInput
          id={`${base}-requested`}
          legend={`Date ${check.name} was requested`}
          hint="Leave blank for today"
          errors={errorsOf('requestedOn')}
          value={requestedOn}
          onChange={setRequestedOn}
        />
      )}
      {showsLevel && (
        <>
          <div className={['govuk-form-group', byField.level?.length ? 'govuk-form-group--error' : ''].join(' ')}>
            <label className="govuk-label" htmlFor={`${base}-level`}>
              Vetting level cleared
            </label>
            <ErrorMessage id={`${base}-level`} errors={byField.level} />
            <select
              id={`${base}-level`}
              className="govuk-select"
              value={level}
              aria-describedby={byField.level?.length ? `${base}-level-error` : undefined}
              onChange={(ev) => setLevel(ev.target.value as VettingLevel | '')}
            >
              <option value="">Choose a level</option>
              {vettingLevels.map((l) => (
                <option key={l} value={l}>
                  {vettingLevelLabels[l]}
                </option>
              ))}
            </select>
          </div>
          <DateInput
            id={`${base}-expires`}
            legend="Vetting expires on"
            errors={errorsOf('expiresOn')}
            value={expiresOn}
            onChange={setExpiresOn}
          />
        </>
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={mutation.isPending}>
          Save<span className="govuk-visually-hidden"> {check.name}</span>
        </button>
        {check.status === 'requested' && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={chase.isPending}
            onClick={() => chase.mutate({ id: detail.id, expectedVersion: detail.version, check: check.check })}
          >
            Chase<span className="govuk-visually-hidden"> {check.name}</span>
          </button>
        )}
      </div>
    </form>
  );
}
