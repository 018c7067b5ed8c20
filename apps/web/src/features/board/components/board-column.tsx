import type { BoardColumn as Column, BoardCard as Card, Stage } from '@muster/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Origin } from '../../../components/back-link.tsx';
import { stageLabels } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { columnPageSize, refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import type { BoardFilters } from '../hooks/use-board-filters.ts';
import { BoardCard } from './board-card.tsx';

/**
 * One stage of the board. The board call brings its count and first cards; "Show more" pages on
 * through `applications.column` from where that page ended, so a column of 10,000 cases renders
 * only what has been asked for.
 */
export function BoardColumn({
  column,
  targetDays,
  backState,
  filters,
  dragging,
  canDrop,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  column: Column;
  /** Days a case should take at this stage (the server's stage target). */
  targetDays: number | undefined;
  /** Router state for links to cases, so their back links return to this board. */
  backState: { backTo: Origin };
  filters: BoardFilters;
  dragging: Card | null;
  canDrop: boolean;
  onMove: (card: Card, to: Stage) => void;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
}) {
  const trpc = useTRPC();
  const [isExpanded, setIsExpanded] = useState(false);
  const [isOver, setIsOver] = useState(false);
  const more = useInfiniteQuery(
    trpc.applications.column.infiniteQueryOptions(
      { stage: column.stage, limit: columnPageSize, ...filters },
      {
        initialCursor: column.nextCursor ?? undefined,
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        enabled: isExpanded && column.nextCursor !== null,
        refetchInterval: refreshIntervalMs,
      },
    ),
  );
  const seen = new Set<number>();
  const items = [...column.items, ...(isExpanded ? (more.data?.pages.flatMap((p) => p.items) ?? []) : [])].filter(
    (c) => c.stage === column.stage && !seen.has(c.id) && seen.add(c.id),
  );
  const hasMore = isExpanded ? more.hasNextPage || more.isPending : column.nextCursor !== null;
  const headingId = `column-${column.stage}`;
  return (
    <section
      className={[
        'app-column',
        isOver && canDrop ? 'app-column--drop' : '',
        dragging && canDrop ? 'app-column--target' : '',
      ].join(' ')}
      aria-labelledby={headingId}
      onDragOver={(e) => {
        if (!canDrop) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setIsOver(false);
        if (dragging && canDrop) onMove(dragging, column.stage);
      }}
    >
      <h2 className="app-column__heading" id={headingId}>
        {stageLabels[column.stage]} <span className="app-column__count">{column.count.toLocaleString('en-GB')}</span>
        <span className="govuk-visually-hidden"> {column.count === 1 ? 'case' : 'cases'}</span>
      </h2>
      {column.count > 1 && <p className="app-column__order">Longest waiting first</p>}
      {items.length ? (
        <ol className="app-column__list">
          {items.map((card) => (
            <BoardCard
              key={card.id}
              card={card}
              targetDays={targetDays}
              backState={backState}
              onMove={onMove}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          ))}
        </ol>
      ) : (
        <p className="govuk-body-s app-column__empty">No cases.</p>
      )}
      {hasMore && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary app-column__more"
          disabled={more.isFetching}
          onClick={() => {
            if (!isExpanded) setIsExpanded(true);
            else void more.fetchNextPage();
          }}
        >
          Show more<span className="govuk-visually-hidden"> {stageLabels[column.stage].toLowerCase()} cases</span> (
          {items.length.toLocaleString('en-GB')} of {plural(column.count, 'case')} shown)
        </button>
      )}
    </section>
  );
}
