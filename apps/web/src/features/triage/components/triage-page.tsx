import type { TriageItem, TriageSort, TriageSortKey } from '@muster/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Radios, Select, Textarea } from '../../../components/fields.tsx';
import { Loading } from '../../../components/loading.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table, type TableColumn } from '../../../components/table.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { errorCode, errorMessage, fieldErrors, refusedApplications } from '../../../lib/errors.ts';
import { routeLabels, unitShortNames } from '../../../lib/labels.ts';
import { capitalise, countOf, plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useTriageFilters } from '../hooks/use-triage-filters.ts';
import { SavedViews } from './saved-views.tsx';
import { TriageFilters } from './triage-filters.tsx';

const pageSize = 50;
const nameOf = (c: TriageItem) => `${c.firstName} ${c.lastName}`;

/** The order in words: "oldest first", "by name, Z to A". */
function sortWords(sort: TriageSort): string {
  const isUp = sort.direction === 'ascending';
  const names: Record<TriageSortKey, string> = {
    received: '',
    reference: 'reference',
    name: 'name',
    route: 'route',
    force: 'force',
  };
  if (sort.by === 'received') return isUp ? 'oldest first' : 'newest first';
  return `by ${names[sort.by]}, ${isUp ? 'A to Z' : 'Z to A'}`;
}

/** New applications for resourcing to pick up: oldest first or sorted by a column, filtered in the address, assigned or rejected in bulk. */
export function TriagePage() {
  usePageTitle('Triage queue');
  const me = useMe();
  if (!me.may.intake) {
    return (
      <>
        <h1 className="govuk-heading-l">Triage queue</h1>
        <p className="govuk-body">Only the resourcing team triages new applications.</p>
      </>
    );
  }
  return <TriageQueue />;
}

/** The queue's columns; those with `sortBy` sort the queue on the server. */
function columns(selectAll: ReactNode): TableColumn<TriageSortKey>[] {
  return [
    { label: selectAll, className: 'app-table__check' },
    { label: 'Reference', sortBy: 'reference' },
    { label: 'Name', sortBy: 'name' },
    { label: 'Route', sortBy: 'route' },
    { label: 'Unit preferences' },
    { label: 'Force', sortBy: 'force' },
    { label: 'Received', sortBy: 'received' },
    { label: 'Days' },
    { label: 'Assignee' },
    { label: <span className="govuk-visually-hidden">Actions</span> },
  ];
}

function TriageQueue() {
  const trpc = useTRPC();
  const me = useMe();
  const queryClient = useQueryClient();
  const { filters, sort, setFilters, setSort, key } = useTriageFilters();
  const backState = useBackState('Back to the triage queue');
  const reviewers = useQuery(trpc.triage.reviewers.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const slaDays = reference.data?.settings.triageSlaDays;
  const queue = useInfiniteQuery(
    trpc.triage.queue.infiniteQueryOptions(
      { ...filters, sort, limit: pageSize },
      {
        getNextPageParam: (p) => p.nextCursor ?? undefined,
        refetchInterval: refreshIntervalMs,
        placeholderData: keepPreviousData,
      },
    ),
  );
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const counted = queue.data?.pages[0] ?? { total: 0, isTotalCapped: false };
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [selectionKey, setSelectionKey] = useState(key);
  // A new filter is a new list: what was chosen in the old one is forgotten.
  if (selectionKey !== key) {
    setSelectionKey(key);
    setSelected(new Set());
  }
  const chosen = items.filter((c) => selected.has(c.id));
  const [problems, setProblems] = useState<{ title: string; errors: SummaryError[] } | null>(null);
  const [status, setStatus] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [isRejecting, setIsRejecting] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.triage.queue.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
  };
  /**
   * A refused bulk action names each case that stood in the way and why, linking to it (the server's
   * `refused` list), or says what was wrong with the request (someone else changed a case, no such reviewer).
   */
  const explain = (title: string, error: unknown) => {
    if (errorCode(error) === 'UNAUTHORIZED') return;
    const refused = refusedApplications(error);
    const errors: SummaryError[] = refused.length
      ? refused.map((r) => ({ href: `/cases/${r.id}`, text: `${r.reference}: ${r.message}` }))
      : [errorMessage(error), ...(fieldErrors(error).assignee ?? [])].map((text) => ({ href: '#triage-table', text }));
    setProblems({ title, errors });
    setStatus('');
    refresh();
  };

  const assign = useMutation(
    trpc.triage.assign.mutationOptions({
      onSuccess: (result) => {
        setProblems(null);
        setSelected(new Set());
        setStatus(
          `${plural(result.assigned, 'case')} assigned to ${result.assignee ? (result.assignee.id === me.id ? 'you' : result.assignee.name) : 'nobody'}.`,
        );
        refresh();
      },
      onError: (error) => explain('No case was assigned', error),
    }),
  );
  const startAssign = (cases: TriageItem[], assignee: 'me' | number) => {
    if (!cases.length) {
      setProblems({ title: 'There is a problem', errors: [{ href: '#select-all', text: 'Choose at least one case first.' }] });
      return;
    }
    assign.mutate({ cases: cases.map((c) => ({ id: c.id, expectedVersion: c.version })), assignee });
  };

  const allShownChosen = items.length > 0 && items.every((c) => selected.has(c.id));
  const toggle = (id: number, isOn: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (isOn) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <div className="app-page-header">
        <div>
          <h1 className="govuk-heading-l app-page-header__title">Triage queue</h1>
          <p className="govuk-body-s app-muted">
            {slaDays !== undefined && `A case at review more than ${plural(slaDays, 'day')} after it was received is overdue.`}
          </p>
        </div>
        <div className="govuk-button-group app-page-header__action">
          <Link to="/import" className="govuk-button govuk-button--secondary" state={backState}>
            Import applications
          </Link>
          <Link to="/duplicates" className="govuk-button govuk-button--secondary">
            Possible duplicates
          </Link>
        </div>
      </div>
      <div>
        <div>
          <TriageFilters key={key} filters={filters} onApply={setFilters} reviewers={reviewers.data ?? []} />
          <SavedViews filters={filters} />
          {problems && <ErrorSummary title={problems.title} errors={problems.errors} />}
          <p className="govuk-body app-saved" role="status">
            {status}
          </p>
          <div className="app-bulk" role="group" aria-label="With the chosen cases">
            <span className="govuk-body govuk-!-margin-bottom-0 app-bulk__count">
              {chosen.length ? `${plural(chosen.length, 'case')} chosen` : 'No cases chosen'}
            </span>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={assign.isPending}
              onClick={() => startAssign(chosen, 'me')}
            >
              Assign to me
            </button>
            <Select
              id="bulk-reviewer"
              label="Reviewer"
              placeholder="Choose a reviewer"
              value={reviewer}
              onChange={(e) => setReviewer(e.target.value)}
              options={(reviewers.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={assign.isPending}
              onClick={() => {
                if (!reviewer) {
                  setProblems({
                    title: 'There is a problem',
                    errors: [{ href: '#bulk-reviewer', text: 'Choose the reviewer to assign the cases to.' }],
                  });
                  return;
                }
                startAssign(chosen, Number(reviewer));
              }}
            >
              Assign to reviewer
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              onClick={() => {
                if (!chosen.length) {
                  setProblems({
                    title: 'There is a problem',
                    errors: [{ href: '#select-all', text: 'Choose at least one case first.' }],
                  });
                  return;
                }
                setIsRejecting(true);
              }}
            >
              Reject…
            </button>
          </div>
          {queue.isError && !queue.data && (
            <div className="govuk-error-summary" role="alert">
              <h2 className="govuk-error-summary__title">The queue could not load</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{errorMessage(queue.error)}</p>
              </div>
            </div>
          )}
          {queue.data ? (
            <>
              <Table
                label="Cases in the triage queue"
                id="triage-table"
                isBusy={queue.isPlaceholderData}
                caption={
                  items.length
                    ? `${capitalise(countOf(counted, 'case'))}, ${sortWords(sort)}: ${items.length.toLocaleString('en-GB')} shown${queue.hasNextPage ? ', more below' : ''}.`
                    : 'No cases match these filters.'
                }
                columns={columns(
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input
                        className="govuk-checkboxes__input"
                        id="select-all"
                        type="checkbox"
                        checked={allShownChosen}
                        onChange={(e) => setSelected(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor="select-all">
                        <span className="govuk-visually-hidden">Select all cases shown</span>
                      </label>
                    </div>
                  </div>,
                )}
                sort={sort}
                onSort={setSort}
              >
                {items.map((c) => (
                  <tr className="govuk-table__row" key={c.id}>
                    <td className="govuk-table__cell app-table__check">
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        <div className="govuk-checkboxes__item">
                          <input
                            className="govuk-checkboxes__input"
                            id={`select-${c.id}`}
                            type="checkbox"
                            checked={selected.has(c.id)}
                            onChange={(e) => toggle(c.id, e.target.checked)}
                          />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${c.id}`}>
                            <span className="govuk-visually-hidden">Select {nameOf(c)}</span>
                          </label>
                        </div>
                      </div>
                    </td>
                    <td className="govuk-table__cell app-table__nowrap">
                      <Link className="govuk-link" to={`/cases/${c.id}`} state={backState}>
                        {c.reference}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">
                      {nameOf(c)}
                      {c.openDuplicateFlags > 0 && (
                        <>
                          {' '}
                          <strong className="govuk-tag govuk-tag--orange app-tag--small">Possible duplicate</strong>
                        </>
                      )}
                    </td>
                    <td className="govuk-table__cell">{routeLabels[c.route]}</td>
                    <td className="govuk-table__cell">
                      {c.unitPreferences.length
                        ? c.unitPreferences.map((u) => unitShortNames[u as keyof typeof unitShortNames] ?? u).join(', ')
                        : '–'}
                    </td>
                    <td className="govuk-table__cell">{c.currentForce ?? '–'}</td>
                    <td className="govuk-table__cell app-table__nowrap">{formatDate(c.receivedAt)}</td>
                    <td className="govuk-table__cell app-table__nowrap">
                      {c.daysSinceReceived}
                      {c.isOverdue && (
                        <>
                          {' '}
                          <strong className="govuk-tag govuk-tag--red app-tag--small">Overdue</strong>
                        </>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {c.assignee ? (c.assignee.id === me.id ? 'You' : c.assignee.name) : 'Nobody'}
                    </td>
                    <td className="govuk-table__cell app-table__nowrap">
                      {c.assignee?.id !== me.id && (
                        <button
                          type="button"
                          className="app-link-button govuk-link"
                          disabled={assign.isPending}
                          onClick={() => startAssign([c], 'me')}
                        >
                          Assign to me<span className="govuk-visually-hidden">: {nameOf(c)}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
              {queue.hasNextPage && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  disabled={queue.isFetchingNextPage}
                  onClick={() => void queue.fetchNextPage()}
                >
                  Show more
                </button>
              )}
            </>
          ) : (
            !queue.isError && <Loading what="Loading the queue" />
          )}
        </div>
      </div>
      <RejectDialog
        cases={isRejecting ? chosen : null}
        onClose={() => setIsRejecting(false)}
        onDone={(n) => {
          setIsRejecting(false);
          setProblems(null);
          setSelected(new Set());
          setStatus(`${plural(n, 'case')} rejected.`);
          refresh();
        }}
        onRefused={(error) => {
          setIsRejecting(false);
          explain('No case was rejected', error);
        }}
      />
    </>
  );
}

/** Rejects the chosen cases with one listed reason (and optional detail); all or nothing. */
function RejectDialog({
  cases,
  onClose,
  onDone,
  onRefused,
}: {
  cases: TriageItem[] | null;
  onClose: () => void;
  onDone: (n: number) => void;
  onRefused: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const isOpen = cases !== null;
  const reasons = useQuery(trpc.reference.closeReasons.queryOptions(undefined, { staleTime: 60_000, enabled: isOpen }));
  const [reasonId, setReasonId] = useState('');
  const [detail, setDetail] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reject = useMutation(
    trpc.applications.bulkReject.mutationOptions({
      onSuccess: (r) => {
        setReasonId('');
        setDetail('');
        onDone(r.rejected);
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (errorCode(error) === 'BAD_REQUEST' && (fields.reasonId || fields.reason)) return; // shown in the dialog
        onRefused(error);
      },
    }),
  );
  const fields: Record<string, string[]> = reject.error ? { ...fieldErrors(reject.error) } : {};
  if (missingReason) fields.reasonId = ['Choose a reason for rejecting from the list.'];
  const listed = (reasons.data ?? []).filter((r) => r.kind === 'rejected' && r.isActive);
  return (
    <Dialog
      isOpen={isOpen}
      title={cases ? `Reject ${plural(cases.length, 'case')}` : ''}
      onClose={() => {
        reject.reset();
        setMissingReason(false);
        onClose();
      }}
    >
      {cases && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // Checked here: the API's message for a missing id reads "Choose a case.", which would mislead.
            setMissingReason(!reasonId);
            if (!reasonId) {
              reject.reset();
              return;
            }
            const text = detail.trim();
            reject.mutate({
              cases: cases.map((c) => ({ id: c.id, expectedVersion: c.version })),
              reasonId: Number(reasonId),
              ...(text ? { reason: text } : {}),
            });
          }}
        >
          <ErrorSummary
            errors={[
              ...(fields.reasonId ?? []).map((text) => ({ href: '#bulk-reason-id', text })),
              ...(fields.reason ?? []).map((text) => ({ href: '#bulk-reason', text })),
            ]}
          />
          <p className="govuk-body">{cases.map(nameOf).join(', ')}</p>
          {reasons.data ? (
            <Radios
              id="bulk-reason-id"
              legend="Why are the cases rejected?"
              errors={fields.reasonId}
              value={reasonId}
              onChange={setReasonId}
              options={listed.map((r) => ({ value: String(r.id), label: r.label }))}
            />
          ) : (
            <Loading what="Loading the reasons" />
          )}
          <Textarea
            id="bulk-reason"
            label="More detail (optional)"
            hint="This is kept in each case's history."
            errors={fields.reason}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={reject.isPending}>
              Reject {plural(cases.length, 'case')}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                reject.reset();
                onClose();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
