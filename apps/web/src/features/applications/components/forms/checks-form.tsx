import type { ApplicationDetail, CheckClearance, CheckRecord, CheckStatus } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { formatDate } from '../../../../lib/dates.ts';
import { checkClearanceLabels, checkStatusLabels } from '../../../../lib/labels.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

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

/** Pre-employment checks, one row each: its status now, and (for resourcing at pre-employment) a change. */
export function ChecksList({ detail, isEditable }: { detail: ApplicationDetail; isEditable: boolean }) {
  return (
    <ul className="app-checks" aria-label="Pre-employment checks">
      {detail.checks.map((c) => (
        <li key={c.check} className="app-checks__row">
          <div className="app-checks__name">
            <span className="govuk-body govuk-!-font-weight-bold app-checks__title">{c.name}</span>
            {!c.isRequired && <span className="govuk-body-s"> (no longer required)</span>}{' '}
            {c.status ? <CheckStatusTag status={c.status} /> : <ClearanceTag clearance={c.clearance} />}
            {c.updatedAt && (
              <div className="govuk-body-s app-muted app-checks__by">
                {c.status ? `${checkStatusLabels[c.status]} by ${c.updatedBy ?? 'someone'} on ` : 'Updated on '}
                {formatDate(c.updatedAt)}
                {c.reason ? `: ${c.reason}` : ''}
              </div>
            )}
          </div>
          {isEditable && c.isRequired && c.status && <CheckRowForm detail={detail} check={c} status={c.status} />}
        </li>
      ))}
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
  const write = useApplicationWrite(detail.id);
  const mutation = useMutation(trpc.applications.updateCheck.mutationOptions(write));
  const base = `check-${check.check}`;
  const { byField, unplaced: otherErrors } = formErrors(
    mutation.error,
    { reason: `${base}-reason`, status: `${base}-status` },
    `${base}-status`,
  );
  const needsReason = status === 'waived' || status === 'failed';
  return (
    <form
      noValidate
      className="app-checks__form"
      aria-label={`Update ${check.name}`}
      onSubmit={(ev) => {
        ev.preventDefault();
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          check: check.check,
          status,
          reason: needsReason ? reason : null,
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
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        disabled={mutation.isPending || (status === check.status && (reason || '') === (check.reason ?? ''))}
      >
        Save<span className="govuk-visually-hidden"> {check.name}</span>
      </button>
    </form>
  );
}
