import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { routeLabels, stageLabels, stageTagClass, unitShortNames } from '../../../lib/labels.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import type { BoardFilters } from '../hooks/use-board-filters.ts';

const shown = 20;

/**
 * The cases a board search matches that are no longer on the board: onboarded, rejected or withdrawn,
 * each with its stage. One search finds a case wherever it is; the server decides which have ended
 * (`applications.list` with `isOpen: false`).
 */
export function EndedMatches({ filters }: { filters: BoardFilters }) {
  const trpc = useTRPC();
  const ended = useQuery(
    trpc.applications.list.queryOptions(
      { ...filters, isOpen: false, limit: shown },
      { refetchInterval: refreshIntervalMs, placeholderData: keepPreviousData },
    ),
  );
  const items = ended.data?.items ?? [];
  return (
    <section className="govuk-!-margin-top-6" aria-labelledby="ended-matches">
      <h2 className="govuk-heading-m" id="ended-matches">
        Onboarded and closed cases matching “{filters.q}”
      </h2>
      {ended.isError && !ended.data ? (
        <p className="govuk-body">{errorMessage(ended.error)}</p>
      ) : !ended.data ? (
        <Loading what="Searching onboarded and closed cases" />
      ) : items.length === 0 ? (
        <p className="govuk-body">None: every case this search finds is on the board above.</p>
      ) : (
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {ended.data.nextCursor
              ? `The ${shown} newest shown: add a word or a reference to narrow the search.`
              : `${items.length} ${items.length === 1 ? 'case' : 'cases'}, newest first.`}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Stage
              </th>
              <th scope="col" className="govuk-table__header">
                Route
              </th>
              <th scope="col" className="govuk-table__header">
                Unit
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell app-table__nowrap">
                  <Link className="govuk-link" to={`/cases/${c.id}`}>
                    {c.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {c.firstName} {c.lastName}
                </td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${stageTagClass[c.stage]} app-tag--small`}>{stageLabels[c.stage]}</strong>
                </td>
                <td className="govuk-table__cell">{routeLabels[c.route]}</td>
                <td className="govuk-table__cell">{c.targetUnit ? unitShortNames[c.targetUnit] : 'Not chosen'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
