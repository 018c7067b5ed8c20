import type {
  BoardCard,
  BoardColumn,
  BoardInput,
  ColumnInput,
  CountedPage,
  ListApplicationsInput,
  Page,
  Stage,
} from '@muster/contracts';
import { openStages } from '@muster/contracts';
import { applications, preparedByShape, stageCounts } from '@muster/db';
import { applicationMoves, coordinatorStages, joinerNeeds, stageAge, type Actor } from '@muster/domain';
import { and, asc, eq, gt, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { conditionsOf, placeholders, searchWords } from './application-filters.ts';
import { listOrders } from './application-sorts.ts';
import { cardColumns, type Tx } from './application-store.ts';
import { cappedCount, decodeCursor, encodeCursor, isDateIdCursor, keyset } from './cursors.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** A page of cards in the order given, as a prepared query (one per shape of filters and order). */
function cardsQuery(db: Tx, where: SQL | undefined, orderBy: SQL[]) {
  return db
    .select(cardColumns)
    .from(applications)
    .where(where)
    .orderBy(...orderBy)
    .limit(sql.placeholder('limit'))
    .prepare();
}
const cardQueries = preparedByShape<ReturnType<typeof cardsQuery>>();
type CardRow = ReturnType<ReturnType<typeof cardsQuery>['all']>[number];

/** Cards as the actor sees them: each with the moves they may try, its days at the stage, and what the joiner still needs. */
function toBoardCards(ctx: ServiceCtx, rows: CardRow[]): BoardCard[] {
  const now = ctx.now();
  return rows.map(({ closedFromStage, mentorId, buddyId, hasInductionBooking, ...card }) => ({
    ...card,
    moves: applicationMoves(ctx.actor, { ...card, closedFromStage }),
    ...stageAge(card, now),
    needs: joinerNeeds({ stage: card.stage, hasInductionBooking, mentorId, buddyId }),
  }));
}

/** Cases filtered and searched, newest first or in the sort asked for, a page at a time, with how many match. */
export function listApplications(ctx: ServiceCtx, input: ListApplicationsInput): CountedPage<BoardCard> {
  const { by, direction } = input.sort;
  const order = keyset<CardRow>(by, direction, listOrders[by], applications.id);
  const p = placeholders(ctx.actor);
  // The names bound tell the two apart in the query's shape: they are the same stages.
  const open = (as: string) => openStages.map((s) => p.bind(`${as}_${s}`, s));
  const matching = [
    ...conditionsOf(ctx.actor, input, p.bind),
    input.isOpen === true ? inArray(applications.stage, open('open')) : undefined,
    input.isOpen === false ? notInArray(applications.stage, open('ended')) : undefined,
  ];
  const after = order.after(input.cursor, p.bind);
  const rows = cardQueries(ctx.db, `list ${by} ${direction} ${p.shape()}`, () =>
    cardsQuery(ctx.db, and(...matching, after), order.orderBy),
  ).all({ ...p.values, limit: input.limit + 1 });
  const items = toBoardCards(ctx, rows.slice(0, input.limit));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? order.cursorOf(last) : null,
    ...cappedCount(ctx.db, applications, and(...matching), p.values),
  };
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
  const rows = cardQueries(ctx.db, `column ${p.shape()}`, () =>
    cardsQuery(ctx.db, where, [asc(applications.stageEnteredAt), asc(applications.id)]),
  ).all({ ...p.values, limit: input.limit + 1 });
  const items = toBoardCards(ctx, rows.slice(0, input.limit));
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
