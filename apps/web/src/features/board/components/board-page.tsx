import type { BoardCard, OpenStage, Stage } from '@muster/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { Loading } from '../../../components/loading.tsx';
import { useApplicationMove } from '../../../components/moves/use-application-move.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useBoardFilters } from '../hooks/use-board-filters.ts';
import { BoardColumn } from './board-column.tsx';
import { BoardFilters } from './board-filters.tsx';
import { cardName } from './board-card.tsx';
import { EndedMatches } from './ended-matches.tsx';

export function BoardPage() {
  usePageTitle('Board');
  const me = useMe();
  const trpc = useTRPC();
  const { filters, setFilters, endedSort, setEndedSort, key } = useBoardFilters();
  const backState = useBackState('Back to the board');
  const board = useQuery(
    trpc.applications.board.queryOptions(
      { ...filters, limit: 20 },
      { refetchInterval: refreshIntervalMs, placeholderData: keepPreviousData },
    ),
  );
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const targets = reference.data?.settings.stageTargetDays;
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const move = useApplicationMove();
  const onMove = (card: BoardCard, to: Stage) => {
    setDragging(null);
    const m = card.moves.find((x) => x.to === to);
    if (m) move.requestMove({ id: card.id, name: cardName(card), stage: card.stage, version: card.version }, m);
  };
  const total = board.data?.reduce((n, c) => n + c.count, 0) ?? 0;

  return (
    <>
      <div className="app-page-header">
        <div>
          <h1 className="govuk-heading-l app-page-header__title">
            {me.role === 'unit_lead'
              ? `${me.units.join(', ')} cases`
              : me.role === 'coordinator'
                ? 'Joiners to support'
                : 'Pipeline board'}
          </h1>
          <p className="govuk-body-s app-muted">
            {board.data ? plural(total, 'open case') : ' '}
            {board.dataUpdatedAt ? ` · updated ${formatDateTime(new Date(board.dataUpdatedAt).toISOString())}` : ''}
          </p>
        </div>
        {me.may.createApplication && (
          <Link to="/applications/new" className="govuk-button app-page-header__action" draggable={false}>
            New application
          </Link>
        )}
      </div>
      <BoardFilters key={key} filters={filters} onApply={setFilters} me={me} />
      {board.isError && !board.data && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">The board could not load</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{errorMessage(board.error)}</p>
          </div>
        </div>
      )}
      {board.data ? (
        <div
          className={['app-board', board.isPlaceholderData ? 'app-board--stale' : ''].join(' ')}
          aria-busy={board.isPlaceholderData}
        >
          {board.data.map((column) => (
            <BoardColumn
              key={`${column.stage}-${key}`}
              column={column}
              targetDays={targets?.[column.stage as OpenStage]}
              backState={backState}
              filters={filters}
              dragging={dragging}
              canDrop={dragging !== null && dragging.stage !== column.stage && dragging.moves.some((m) => m.to === column.stage)}
              onMove={onMove}
              onDragStart={setDragging}
              onDragEnd={() => setDragging(null)}
            />
          ))}
        </div>
      ) : (
        !board.isError && <Loading what="Loading the board" />
      )}
      {filters.q && <EndedMatches filters={filters} sort={endedSort} onSort={setEndedSort} backState={backState} />}
      {move.dialogs}
    </>
  );
}
