import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, migrateDb, migrationsFolder } from './client.ts';
import { seedReferenceData } from './reference-data.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

/** The migrations folder as it stood before the migration tagged `tag`: journal cut there. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'muster-migrations-'));
  folders.push(folder);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('migrations that move data', () => {
  it('0014 moves TSG mentors named in eligibility records to the pre-assessment, by the pool’s TSG officers only', () => {
    const db = createDb(':memory:');
    migrate(db, { migrationsFolder: migrationsBefore('0014_tsg_pre_assessment') });
    seedReferenceData(db);
    const run = (sql: string) => db.$client.exec(sql);
    run(`INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('r@x', 'R', 'resourcing', 'h', '2026-01-01')`);
    run(
      `INSERT INTO mentors (name, unit_code, place, capacity) VALUES ('PS Andrea Blake', 'TSG', 'Catford (SE)', 3), ('PS Andrea Blake', 'METCC', 'Bow', 3)`,
    );
    for (const id of [1, 2, 3])
      run(`INSERT INTO applications (id, reference, route, first_name, last_name, email, date_of_birth, stage, stage_entered_at, received_at, created_at, updated_at, target_unit)
           VALUES (${id}, 'MST-${id}', 'transferee', 'A', 'B', 'a${id}@x', '1990-01-01', 'review', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01', 'TSG')`);
    const eligibility = (id: number, mentor: string | null, visit: 0 | 1) =>
      run(`INSERT INTO eligibility_records (application_id, criteria, unit_criteria, tsg_mentor_name, has_tsg_base_visit, recorded_by, recorded_at)
           VALUES (${id}, '{}', '{}', ${mentor === null ? 'NULL' : `'${mentor}'`}, ${visit}, 1, '2026-02-0${id}')`);
    eligibility(1, 'PS Andrea Blake', 1); // a TSG officer in the pool
    eligibility(2, 'PC Someone Else', 0); // free text naming no one in the pool
    eligibility(3, null, 0); // nothing recorded
    migrateDb(db);
    expect(db.$client.prepare('SELECT * FROM tsg_pre_assessments ORDER BY application_id').all()).toEqual([
      { application_id: 1, mentor_id: 1, has_base_visit: 1, recorded_by: 1, recorded_at: '2026-02-01' },
      { application_id: 2, mentor_id: null, has_base_visit: 0, recorded_by: 1, recorded_at: '2026-02-02' },
    ]);
    const columns = db.$client.prepare(`SELECT name FROM pragma_table_info('eligibility_records')`).all();
    expect(columns).not.toContainEqual({ name: 'tsg_mentor_name' });
  });
});
