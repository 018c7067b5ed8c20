import type { BoardCard, BoardColumn, BoardInput, ColumnInput, ListApplicationsInput, Page, Stage } from '@muster/contracts';
import { openStages } from '@muster/contracts';
import { applications, preparedByShape, stageCounts } from '@muster/db';
import { applicationMoves, coordinatorStages, type Actor } from '@muster/domain';
import { and, asc, desc, eq, gt, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { conditionsOf, placeholders, searchWords } from './application-filters.ts';
import { cardColumns, type Tx } from './application-store.ts';
import { decodeCursor, encodeCursor, isDateIdCursor, isIdCursor } from './cursors.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** A page of cards, newest first or longest in the stage first, as a prepared query (one per shape of filters). */
function cardsQuery(db: Tx, where: SQL | undefined, order: 'newest' | 'longestInStage') {
  return db
    .select(cardColumns)
    .from(applications)
    .where(where)
    .orderBy(...(order === 'newest' ? [desc(applications.id)] : [asc(applications.stageEnteredAt), asc(applications.id)]))
    .limit(sql.placeholder('limit'))
    .prepare();
}
const cardQueries = preparedByShape<ReturnType<typeof cardsQuery>>();

/** Cards as the actor sees them: each with the moves they may try. */
function toBoardCards(actor: Actor, rows: ReturnType<ReturnType<typeof cardsQuery>['all']>): BoardCard[] {
  return rows.map(({ closedFromStage, ...card }) => ({ ...card, moves: applicationMoves(actor, { ...card, closedFromStage }) }));
}

/** Cases newest first, filtered and searched, a page at a time. */
export function listApplications(ctx: ServiceCtx, input: ListApplicationsInput): Page<BoardCard> {
  const after = decodeCursor(input.cursor, isIdCursor);
  const p = placeholders(ctx.actor);
  // The names bound tell the two apart in the query's shape: they are the same stages.
  const open = (as: string) => openStages.map((s) => p.bind(`${as}_${s}`, s));
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind),
    input.isOpen === true ? inArray(applications.stage, open('open')) : undefined,
    input.isOpen === false ? notInArray(applications.stage, open('ended')) : undefined,
    after ? lt(applications.id, p.bind('before', after[0])) : undefined,
  );
  const rows = cardQueries(ctx.db, `list ${p.shape()}`, () => cardsQuery(ctx.db, where, 'newest')).all({
    ...p.values,
    limit: input.limit + 1,
  });
  const items = toBoardCards(ctx.actor, rows.slice(0, input.limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}

/** Stages the actor's board shows. */
export function boardStages(actor: Actor): Stage[] {
  return actor.role === 'coordinator' ? openStages.filter((s) => coordinatorStages.includes(s)) : [...openStages];
}

/** One column of the board: the cases longest in the stage first. */
export function listColumn(ctx: ServiceCtx, input: ColumnInput): Page<BoardCard> {
  const after = decodeCursor(input.cursor, isDateIdCursor);
  const p = placeholders(ctx.actor);
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind),
    after
      ? or(
          gt(applications.stageEnteredAt, p.bind('afterAt', after[0])),
          and(eq(applications.stageEnteredAt, p.bind('afterAt', after[0])), gt(applications.id, p.bind('afterId', after[1]))),
        )
      : undefined,
  );
  const rows = cardQueries(ctx.db, `column ${p.shape()}`, () => cardsQuery(ctx.db, where, 'longestInStage')).all({
    ...p.values,
    limit: input.limit + 1,
  });
  const items = toBoardCards(ctx.actor, rows.slice(0, input.limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.stageEnteredAt, last.id]) : null };
}

/**
 * Cases per stage. Without a text search the counts come from `stage_counts` (kept by triggers, a few
 * hundred rows at most) under the same scope and unit/route filters; a search counts the matching cases.
 */
function countsQuery(db: Tx, where: SQL | undefined, isSearch: boolean) {
  const c = isSearch ? applications : stageCounts;
  return db
    .select({ stage: c.stage, count: isSearch ? sql<number>`count(*)` : sql<number>`sum(${stageCounts.count})` })
    .from(c)
    .where(where)
    .groupBy(c.stage)
    .prepare();
}
const countQueries = preparedByShape<ReturnType<typeof countsQuery>>();

/** Per open stage: how many cases match, and the first page of them. */
export function getBoard(ctx: ServiceCtx, input: BoardInput): BoardColumn[] {
  const stages = boardStages(ctx.actor);
  const isSearch = searchWords(input.q).length > 0;
  const p = placeholders(ctx.actor);
  const columns = isSearch ? applications : stageCounts;
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind, columns),
    inArray(
      columns.stage,
      stages.map((s) => p.bind(`in_${s}`, s)),
    ),
  );
  const counts = new Map(
    countQueries(ctx.db, `${isSearch ? 'search' : 'counters'} ${p.shape()}`, () => countsQuery(ctx.db, where, isSearch))
      .all(p.values)
      .map((r) => [r.stage, r.count]),
  );
  return stages.map((stage) => {
    const count = counts.get(stage) ?? 0;
    const page = count ? listColumn(ctx, { ...input, stage }) : { items: [], nextCursor: null };
    return { stage, count, ...page };
  });
}
