import { describe, expect, it } from 'vitest';
import { createTestDb } from './testing.ts';

/** The board's counters must always equal a count of the cases themselves. */
describe('stage_counts (kept by triggers)', () => {
  const counted = (db: ReturnType<typeof createTestDb>) => ({
    kept: db.$client
      .prepare('SELECT route, target_unit AS unit, stage, count AS n FROM stage_counts WHERE count > 0 ORDER BY 1, 2, 3')
      .all(),
    actual: db.$client
      .prepare(
        "SELECT route, coalesce(target_unit, '') AS unit, stage, count(*) AS n FROM applications GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
      )
      .all(),
  });
  const insert = (db: ReturnType<typeof createTestDb>, id: number, route: string, unit: string | null, stage: string) =>
    db.$client
      .prepare(
        `INSERT INTO applications (id, reference, route, first_name, last_name, email, date_of_birth, target_unit, stage, stage_entered_at, received_at, created_at, updated_at)
         VALUES (?, ?, ?, 'A', 'B', 'a@example.com', '1990-01-01', ?, ?, 'now', 'now', 'now', 'now')`,
      )
      .run(id, `REF-${id}`, route, unit, stage);

  it('follows inserts, changes of stage, unit and route, and deletes', () => {
    const db = createTestDb();
    insert(db, 1, 'transferee', null, 'review');
    insert(db, 2, 'transferee', 'TSG', 'review');
    insert(db, 3, 'police_now_nglp', 'TSG', 'interview');
    insert(db, 4, 'transferee', null, 'review');
    expect(counted(db).kept).toEqual(counted(db).actual);
    db.$client.prepare("UPDATE applications SET stage = 'interview' WHERE id = 1").run();
    db.$client.prepare("UPDATE applications SET target_unit = 'CT' WHERE id = 2").run();
    db.$client.prepare("UPDATE applications SET route = 'transferee', stage = 'rejected', target_unit = NULL WHERE id = 3").run();
    db.$client.prepare("UPDATE applications SET first_name = 'C' WHERE id = 4").run();
    expect(counted(db).kept).toEqual(counted(db).actual);
    db.$client.prepare('DELETE FROM applications WHERE id IN (1, 4)').run();
    expect(counted(db).kept).toEqual(counted(db).actual);
    expect(counted(db).actual).toHaveLength(2);
  });
});
