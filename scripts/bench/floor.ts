/**
 * The floor: the same reads the services make, as hand-written SQL through better-sqlite3 prepared
 * statements, in-process (no HTTP, no tRPC, no drizzle). Also the services themselves called
 * in-process, to split the API's cost between the data layer and the transport.
 */
import { openStages } from '../../packages/contracts/src/index.ts';
import type { Db } from '../../packages/db/src/index.ts';

type Sqlite = Db['$client'];

/** What one benchmark iteration asks for; the HTTP run and the floor use the same sequence. */
export type Workload = { caseIds: number[]; searchTerm: string; boardLimit: number; listLimit: number; historyLimit: number };

export type FloorOps = {
  board: () => unknown;
  listSearch: () => unknown;
  get: (id: number) => unknown;
  history: (id: number) => unknown;
  /** get plus the access-log row the service writes on every view, committed at synchronous=FULL. */
  getWithAccessLog: (id: number) => unknown;
  /** The writes of one move (version-guarded update + event), committed at synchronous=FULL. */
  move: (id: number, from: string, to: string, version: number, userId: number) => number;
};

const cardColumns = 'id, reference, first_name, last_name, route, target_unit, current_force, stage, stage_entered_at, version';

/** The FTS5 MATCH string the service builds for words of 3+ characters. */
export const ftsMatch = (q: string) =>
  q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 3)
    .map((w) => `"${w.replaceAll('"', '""')}"`)
    .join(' AND ');

export function floorOps(sqlite: Sqlite, w: Workload, viewerId: number): FloorOps {
  const stages = [...openStages];
  // The board's counts as the service reads them since migration 0004: from the counters the triggers keep.
  const boardCounts = sqlite.prepare(
    `SELECT stage, sum(count) AS count FROM stage_counts WHERE stage IN (${stages.map(() => '?').join(', ')}) GROUP BY stage`,
  );
  const column = sqlite.prepare(`SELECT ${cardColumns} FROM applications WHERE stage = ? ORDER BY stage_entered_at, id LIMIT ?`);
  const search = sqlite.prepare(
    `SELECT ${cardColumns} FROM applications WHERE id IN (SELECT rowid FROM applications_search WHERE applications_search MATCH ?) ORDER BY id DESC LIMIT ?`,
  );
  const applicationRow = sqlite.prepare('SELECT * FROM applications WHERE id = ?');
  const eligibility = sqlite.prepare(
    'SELECT e.*, u.name AS recorded_by_name FROM eligibility_records e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.application_id = ?',
  );
  const interview = sqlite.prepare(
    'SELECT i.*, u.name AS recorded_by_name FROM interview_outcomes i LEFT JOIN users u ON u.id = i.recorded_by WHERE i.application_id = ?',
  );
  const checks = sqlite.prepare(
    'SELECT c.*, u.name AS updated_by_name FROM application_checks c LEFT JOIN users u ON u.id = c.updated_by WHERE c.application_id = ?',
  );
  const booking = sqlite.prepare(
    'SELECT b.*, ic.starts_on, ic.place, u.name AS booked_by_name FROM induction_bookings b JOIN induction_courses ic ON ic.id = b.course_id LEFT JOIN users u ON u.id = b.booked_by WHERE b.application_id = ?',
  );
  const people = sqlite.prepare('SELECT id, name, unit_code, place FROM mentors WHERE id IN (?, ?)');
  const scopeRow = sqlite.prepare('SELECT stage, target_unit FROM applications WHERE id = ?');
  const events = sqlite.prepare(
    'SELECT e.id, e.type, e.at, e.actor_id, u.name AS actor_name, e.from_stage, e.to_stage, e.reason, e.details FROM application_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.application_id = ? ORDER BY e.id DESC LIMIT ?',
  );
  const logView = sqlite.prepare("INSERT INTO access_log (user_id, application_id, at, action) VALUES (?, ?, ?, 'view')");
  const bump = sqlite.prepare(
    'UPDATE applications SET stage = ?, stage_entered_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
  );
  const addEvent = sqlite.prepare(
    "INSERT INTO application_events (application_id, actor_id, at, type, from_stage, to_stage, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
  );
  const match = ftsMatch(w.searchTerm);

  const get = (id: number) => {
    const row = applicationRow.get(id) as { mentor_id: number | null; buddy_id: number | null } | undefined;
    if (!row) throw new Error(`no case ${id}`);
    return {
      row,
      e: eligibility.get(id),
      i: interview.get(id),
      c: checks.all(id),
      b: booking.get(id),
      p: people.all(row.mentor_id ?? -1, row.buddy_id ?? -1),
    };
  };
  const getWithAccessLog = sqlite.transaction((id: number) => {
    const detail = get(id);
    logView.run(viewerId, id, new Date().toISOString());
    return detail;
  });
  const move = sqlite.transaction((id: number, from: string, to: string, version: number, userId: number) => {
    applicationRow.get(id);
    const at = new Date().toISOString();
    if (bump.run(to, at, at, id, version).changes !== 1) throw new Error(`stale version for case ${id}`);
    addEvent.run(
      id,
      userId,
      at,
      to === 'review' ? 'moved_back' : 'moved',
      from,
      to,
      to === 'review' ? 'Bench: moved back to review.' : null,
    );
    return version + 1;
  });
  return {
    board: () => {
      const counts = new Map((boardCounts.all(...stages) as { stage: string; count: number }[]).map((r) => [r.stage, r.count]));
      return stages.map((stage) => ({
        stage,
        count: counts.get(stage) ?? 0,
        items: counts.get(stage) ? column.all(stage, w.boardLimit + 1) : [],
      }));
    },
    listSearch: () => search.all(match, w.listLimit + 1),
    get,
    history: (id: number) => {
      if (!scopeRow.get(id)) throw new Error(`no case ${id}`);
      return events.all(id, w.historyLimit + 1);
    },
    getWithAccessLog: (id: number) => getWithAccessLog.immediate(id),
    move: (id, from, to, version, userId) => move.immediate(id, from, to, version, userId),
  };
}
