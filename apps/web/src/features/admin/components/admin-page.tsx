import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { caseNamed, searchOf, useAccessLogFilters } from '../hooks/use-access-log-filters.ts';
import { AccessLogFilters } from './access-log-filters.tsx';
import { InterviewLimits } from './interview-limits.tsx';
import { MessageTemplates, Outbox } from './outbox.tsx';
import { RetireReasonDialog, RetirementOutcome, useReasonRetirement } from './reason-retirement.tsx';
import { Venues } from './venues.tsx';

const kindLabels = { rejected: 'Reject', withdrawn: 'Withdraw' } as const;
const logPageSize = 25;

export function AdminPage() {
  usePageTitle('Administration');
  const me = useMe();
  if (!me.may.admin) {
    return (
      <>
        <h1 className="govuk-heading-l">Administration</h1>
        <p className="govuk-body">Only administrators manage reference data and read the access log and the outbox.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <CloseReasons />
      <Venues />
      <InterviewLimits />
      <AccessLog />
      <Outbox />
      <MessageTemplates />
    </>
  );
}

/** The reasons caseworkers choose from when they reject or withdraw a case. Retired ones stay in the histories that cite them. */
function CloseReasons() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reasons = useQuery(trpc.admin.closeReasons.queryOptions());
  const [kind, setKind] = useState('rejected');
  const [label, setLabel] = useState('');
  const [status, setStatus] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.admin.closeReasons.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reference.closeReasons.queryKey() });
  };
  const retirement = useReasonRetirement(() => {
    setStatus('');
    refresh();
  });
  const add = useMutation(
    trpc.admin.addCloseReason.mutationOptions({
      onSuccess: (r) => {
        retirement.clear();
        setStatus(`“${r.label}” added.`);
        setLabel('');
        refresh();
      },
    }),
  );
  const { byField, summary } = formErrors(add.error, { kind: 'reason-kind', label: 'reason-label' }, 'reason-label');
  return (
    <section className="app-section" aria-labelledby="reasons-title">
      <h2 className="govuk-heading-m" id="reasons-title">
        Reasons to reject or withdraw
      </h2>
      <RetireReasonDialog retirement={retirement} />
      <RetirementOutcome retirement={retirement} />
      <p className="govuk-body app-saved" role="status">
        {status}
      </p>
      {reasons.data ? (
        <Table
          label="Table of reasons to reject or withdraw"
          caption="Reasons to reject or withdraw"
          captionClassName="govuk-visually-hidden"
          columns={[
            { label: 'Used to' },
            { label: 'Reason' },
            { label: 'Status' },
            { label: <span className="govuk-visually-hidden">Actions</span> },
          ]}
        >
          {reasons.data.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell">{kindLabels[r.kind]}</td>
              <td className="govuk-table__cell">{r.label}</td>
              <td className="govuk-table__cell">
                {r.isActive ? (
                  <strong className="govuk-tag govuk-tag--green">In use</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--grey">Retired</strong>
                )}
              </td>
              <td className="govuk-table__cell">
                <button
                  type="button"
                  className="app-link-button govuk-link"
                  disabled={retirement.isPending}
                  onClick={() => (r.isActive ? retirement.askToRetire(r) : retirement.restoreReason(r))}
                >
                  {r.isActive ? 'Retire' : 'Restore'}
                  <span className="govuk-visually-hidden"> “{r.label}”</span>
                </button>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <Loading what="Loading the reasons" />
      )}
      <form
        noValidate
        aria-label="Add a reason"
        className="govuk-!-width-two-thirds"
        onSubmit={(e) => {
          e.preventDefault();
          setStatus('');
          add.mutate({ kind: kind as 'rejected' | 'withdrawn', label });
        }}
      >
        <h3 className="govuk-heading-s">Add a reason</h3>
        <ErrorSummary errors={summary} />
        <Radios
          id="reason-kind"
          legend="Used when a case is"
          isInline
          errors={byField.kind}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'rejected', label: 'Rejected' },
            { value: 'withdrawn', label: 'Withdrawn' },
          ]}
        />
        <TextInput
          id="reason-label"
          label="Reason"
          hint="As caseworkers will read it, for example “Did not attend the interview”."
          value={label}
          errors={byField.label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={120}
        />
        <button type="submit" className="govuk-button" disabled={add.isPending}>
          Add reason
        </button>
      </form>
    </section>
  );
}

/**
 * Who viewed which case and when, newest first, for one case or one user if the address says so;
 * "Show older" goes back a page at a time.
 */
function AccessLog() {
  const trpc = useTRPC();
  const { filters, setFilters, key } = useAccessLogFilters();
  // The case is given by its reference, as people quote it; the log is read by the case's id.
  const search = useQuery(
    trpc.applications.list.queryOptions({ q: filters.reference ?? '', limit: 5 }, { enabled: Boolean(filters.reference) }),
  );
  const named = filters.reference ? caseNamed(filters.reference, search.data?.items ?? []) : undefined;
  const isNoCase = Boolean(filters.reference && search.data && !named);
  const isReady = !filters.reference || named !== undefined;
  // Older pages are of the filters they were asked for under; new filters start again from the newest.
  const [paging, setPaging] = useState<{ key: string; befores: (number | undefined)[] }>({ key, befores: [undefined] });
  const befores = paging.key === key ? paging.befores : [undefined];
  const pages = useQueries({
    queries: befores.map((before) =>
      trpc.admin.accessLog.queryOptions(
        {
          limit: logPageSize,
          ...(named ? { applicationId: named.id } : {}),
          ...(filters.userId ? { userId: filters.userId } : {}),
          ...(before ? { before } : {}),
        },
        { staleTime: 30_000, enabled: isReady },
      ),
    ),
  });
  const items = pages.flatMap((p) => p.data?.items ?? []);
  const last = pages.at(-1);
  const next = last?.data?.nextBefore ?? null;
  const error = search.error ?? pages[0]?.error;
  return (
    <section className="app-section" aria-labelledby="log-title">
      <h2 className="govuk-heading-m" id="log-title">
        Access log
      </h2>
      <p className="govuk-body">Every view of a case and its history is recorded.</p>
      <AccessLogFilters filters={filters} onApply={setFilters} />
      {error && <p className="govuk-error-message">{errorMessage(error)}</p>}
      {isNoCase ? (
        <p className="govuk-body">No case has the reference “{filters.reference}”.</p>
      ) : pages[0]?.data && items.length === 0 && (filters.reference || filters.userId) ? (
        <p className="govuk-body">No views match these filters.</p>
      ) : pages[0]?.data ? (
        <Table
          label="Table of the access log"
          caption="Access log, newest first"
          captionClassName="govuk-visually-hidden"
          columns={[{ label: 'When' }, { label: 'Who' }, { label: 'What' }, { label: 'Case' }]}
        >
          {items.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell app-table__nowrap">{formatDateTime(e.at)}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={searchOf({ ...filters, userId: e.userId })}>
                  {e.userName}
                  <span className="govuk-visually-hidden"> (show only their views)</span>
                </Link>
              </td>
              <td className="govuk-table__cell">{e.action.replaceAll('_', ' ')}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/cases/${e.applicationId}`}>
                  {e.reference}
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        !error && <Loading what="Loading the access log" />
      )}
      {next !== null && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={last?.isFetching}
          onClick={() => setPaging({ key, befores: [...befores, next] })}
        >
          Show older
        </button>
      )}
    </section>
  );
}
