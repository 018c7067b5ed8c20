import { stages, type ListSortKey, type Route, type Stage, type TriageSortKey } from '@muster/contracts';
import { applications } from '@muster/db';
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { SortKey } from './cursors.ts';

/** What a sort reads from a row shown, to make the page link. */
type Sortable = {
  reference: string;
  firstName: string;
  lastName: string;
  stage: Stage;
  route: Route;
  targetUnit: string | null;
  currentForce: string | null;
};

/** Names sort as people read them: Smith and smith together. */
const nocase = (column: SQLWrapper) => sql`${column} COLLATE NOCASE`;
/** Stages in pipeline order (review first, closed last), not by their codes. */
const stageOrder = sql`(CASE ${applications.stage} ${sql.raw(stages.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' '))} END)`;

const reference: SortKey<Sortable>[] = [{ sql: applications.reference, of: (r) => r.reference }];
const name: SortKey<Sortable>[] = [
  { sql: nocase(applications.lastName), of: (r) => r.lastName },
  { sql: nocase(applications.firstName), of: (r) => r.firstName },
];
const route: SortKey<Sortable>[] = [{ sql: applications.route, of: (r) => r.route }];

/** The keys of each sort of a list of cases (before the id, which breaks ties). */
export const listOrders: Record<ListSortKey, readonly SortKey<Sortable>[]> = {
  created: [],
  reference,
  name,
  stage: [{ sql: stageOrder, of: (r) => stages.indexOf(r.stage) }],
  route,
  // A case with no unit chosen sorts first.
  unit: [{ sql: sql`ifnull(${applications.targetUnit}, '')`, of: (r) => r.targetUnit ?? '' }],
};

/** The keys of each sort of the triage queue (before the id). */
export const triageOrders: Record<TriageSortKey, readonly SortKey<Sortable & { receivedAt: string }>[]> = {
  received: [{ sql: applications.receivedAt, of: (r) => r.receivedAt }],
  reference,
  name,
  route,
  force: [{ sql: sql`ifnull(${applications.currentForce}, '')`, of: (r) => r.currentForce ?? '' }],
};
