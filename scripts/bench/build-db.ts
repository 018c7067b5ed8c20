/**
 * Builds the benchmark database (or reuses a cached one under .bench/).
 *
 * Every case history comes from the real services (`seedApplications` → createApplication, recordEligibility,
 * moveApplication, updateCheck, …, each with its domain rules). Seeding runs at about 18 ms a case on
 * this machine whatever the synchronous setting (it is CPU-bound: drizzle builds and SQLite compiles
 * every statement on every call), so 50,000 cases would take ~15 minutes. Instead a *template* of
 * `count / 10` cases is seeded through the services and then cloned in SQL with new ids, references,
 * names and emails: each clone's history is byte-for-byte one the services produced and the rules
 * allowed. The FTS5 index is filled by the schema's own triggers as the clones are inserted.
 */
import { demoSettings } from '../../apps/api/src/demo/demo-settings.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng, seedApplications, seedPoolAndCourses } from '../../apps/api/src/demo/seed-demo.ts';
import { firstNames, lastNames } from '../../apps/api/src/demo/people.ts';
import { hashPassword } from '../../apps/api/src/security/passwords.ts';
import type { ServiceCtx } from '../../apps/api/src/services/service-ctx.ts';
import { createApplication } from '../../apps/api/src/services/candidate-details.ts';
import { insertUser } from '../../apps/api/src/services/auth.ts';
import { recordEligibility } from '../../apps/api/src/services/records.ts';
import { CreateApplicationInput, RecordEligibilityInput } from '../../packages/contracts/src/index.ts';
import { createDb, migrateDb, seedReferenceData, type Db } from '../../packages/db/src/index.ts';
import { routeCriteria, unitCriteria, type Actor } from '../../packages/domain/src/index.ts';
import { nowMs } from './stats.ts';

/** Bump when the way the data set is generated changes: cached databases with another version are rebuilt. */
export const generatorVersion = 4; // 3: argon2id password hashes; 4: interviews held through slots and scorecards

export const benchUser = { email: 'bench.resourcing@muster.test', password: 'muster-bench-password' };

export type BuildOptions = {
  dir: string;
  count: number;
  templateCount: number;
  movePool: number;
  rebuild: boolean;
  log: (line: string) => void;
};

export type BuildMeta = {
  generatorVersion: number;
  count: number;
  templateCount: number;
  applications: number;
  events: number;
  eventsPerCase: number;
  byStage: Record<string, number>;
  seedRefusals: Record<string, number>;
  movePoolIds: number[];
  today: string;
  buildMs: { users: number; template: number; clone: number; movePool: number; total: number };
  fileBytes: number;
};

type Named = Actor & { name: string };

const hashId = (id: number, salt: number) => {
  let h = Math.imul(id ^ salt, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return (h ^ (h >>> 13)) >>> 0;
};
const cloneFirst = (id: number) => firstNames[hashId(id, 0x1f) % firstNames.length]!;
const cloneLast = (id: number) => lastNames[hashId(id, 0x2e) % lastNames.length]!;
const emailFor = (first: string, last: string, id: number) =>
  `${first}.${last}${id}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@example.com';

export async function buildDatabase(o: BuildOptions): Promise<{ path: string; meta: BuildMeta; isReused: boolean }> {
  mkdirSync(o.dir, { recursive: true });
  const key = `muster-${o.count}-t${o.templateCount}-p${o.movePool}-g${generatorVersion}`;
  const path = join(o.dir, `${key}.sqlite`);
  const metaPath = join(o.dir, `${key}.json`);
  if (!o.rebuild && existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BuildMeta;
    if (meta.generatorVersion === generatorVersion) return { path, meta, isReused: true };
  }

  const t0 = nowMs();
  const tmp = join(o.dir, `${key}.building.sqlite`);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, path, metaPath]) rmSync(f, { force: true });
  const db = createDb(tmp);
  // The build connection only: nothing here needs to survive a power cut. The measured server opens
  // its own connection through createDb, which sets synchronous=FULL. (Seeding is CPU-bound anyway.)
  db.$client.pragma('synchronous = OFF');
  migrateDb(db);
  seedReferenceData(db);

  const today = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`);
  const passwordHash = await hashPassword(benchUser.password);
  const user = (email: string, name: string, role: Actor['role'], units: Actor['units']): Named => ({
    id: insertUser(db, { email, name, role, units: [...units], passwordHash }, today),
    role,
    units: [...units],
    name,
  });
  const actors = {
    resourcing: user(benchUser.email, 'Bench Resourcing', 'resourcing', []),
    leads: [
      user('bench.lead.tsg@muster.test', 'Bench Lead TSG', 'unit_lead', ['TSG']),
      user('bench.lead.metcc@muster.test', 'Bench Lead METCC', 'unit_lead', ['METCC']),
    ],
    coordinator: user('bench.coordinator@muster.test', 'Bench Coordinator', 'coordinator', []),
  };
  seedPoolAndCourses(db, today);
  // The demo pool (47 induction courses of 40, ~40 mentors of 3–6) is sized for the 320-case demo; at
  // 50,000 cases every course fills and the seed's bookings are refused ("course is full"). Scale the
  // capacities with the case count so the cases go as far through the pipeline as the demo's do.
  const scale = Math.ceil(o.count / 320);
  db.$client.prepare('UPDATE induction_courses SET capacity = capacity * ?').run(scale);
  db.$client.prepare('UPDATE mentors SET capacity = capacity * ?').run(scale);
  // Every template case's interview is held through a slot with its unit's lead (or resourcing) alone on
  // the panel: at the demo's 4 a day a year would not hold them; 12 a day (the most a setting allows) does.
  db.$client.prepare("UPDATE users SET max_interviews_per_day = 12 WHERE email LIKE 'bench%'").run();
  const tUsers = nowMs();

  // 1. The template, through the real services. One outer transaction per 1,000 cases; each case
  // in its own savepoint (seedApplications' own transaction), so a case the rules refuse rolls back alone.
  const rand = prng(2026);
  const refusals: Record<string, number> = {};
  let made = 0;
  while (made < o.templateCount) {
    const batch = Math.min(1000, o.templateCount - made);
    db.transaction(() => {
      for (let done = 0; done < batch;) {
        try {
          seedApplications(db, actors, 1, today, rand);
          done++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          refusals[message] = (refusals[message] ?? 0) + 1;
        }
      }
    });
    made += batch;
    o.log(
      `  seeded ${made.toLocaleString('en-GB')} / ${o.templateCount.toLocaleString('en-GB')} template cases (${((nowMs() - tUsers) / 1000).toFixed(1)} s)`,
    );
  }
  const tTemplate = nowMs();

  // 2. Clones of the template up to `count`, then unique emails for all (seedApplications called a case at a
  // time numbers every email 0).
  const sqlite = db.$client;
  sqlite.function('bench_first', { deterministic: true }, (id) => cloneFirst(Number(id)));
  sqlite.function('bench_last', { deterministic: true }, (id) => cloneLast(Number(id)));
  sqlite.function('bench_email', { deterministic: true }, (first, last, id) => emailFor(String(first), String(last), Number(id)));
  const templateMax = (sqlite.prepare('SELECT max(id) AS n FROM applications').get() as { n: number }).n;
  const columns = (table: string) => sqlite.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[];
  const appColumns = columns('applications').map((c) => c.name);
  const appSelect = appColumns.map((c) =>
    c === 'id'
      ? 'id + @off'
      : c === 'reference'
        ? "'MUS-' || printf('%06d', id + @off)"
        : c === 'first_name'
          ? 'bench_first(id + @off)'
          : c === 'last_name'
            ? 'bench_last(id + @off)'
            : c === 'email'
              ? 'bench_email(bench_first(id + @off), bench_last(id + @off), id + @off)'
              : c,
  );
  const cloneApps = sqlite.prepare(
    `INSERT INTO applications (${appColumns.join(', ')}) SELECT ${appSelect.join(', ')} FROM applications WHERE id <= @upto ORDER BY id`,
  );
  // Every table that points at applications: events, eligibility, interview outcomes, checks, bookings,
  // and whatever else the schema grows; not the interviews themselves, whose slot holds one candidate
  // (a clone keeps its outcome and history; the interviews step seeds its own year of slots), nor the
  // messages about them (each with its own Message-ID). A
  // surrogate integer id is left for SQLite to assign.
  const children = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'applications_search%' AND name NOT IN ('applications', 'interviews', 'outbox')",
      )
      .all() as { name: string }[]
  )
    .map(({ name }) => {
      const fks = (sqlite.pragma(`foreign_key_list(${name})`) as { table: string; from: string }[])
        .filter((f) => f.table === 'applications')
        .map((f) => f.from);
      const cols = columns(name);
      const surrogate =
        cols.filter((c) => c.pk > 0).length === 1
          ? cols.find((c) => c.pk === 1 && c.name === 'id' && c.type.toUpperCase() === 'INTEGER')?.name
          : undefined;
      const kept = cols.map((c) => c.name).filter((c) => c !== surrogate);
      const select = kept.map((c) => (fks.includes(c) ? `${c} + @off` : c));
      return fks.length
        ? {
            name,
            stmt: sqlite.prepare(
              `INSERT INTO ${name} (${kept.join(', ')}) SELECT ${select.join(', ')} FROM ${name} WHERE ${fks.map((f) => `${f} <= @upto`).join(' AND ')} ORDER BY rowid`,
            ),
          }
        : undefined;
    })
    .filter((c) => c !== undefined);
  let total = templateMax;
  for (let round = 1; total < o.count; round++) {
    const upto = Math.min(templateMax, o.count - total);
    const off = round * templateMax;
    db.transaction(() => {
      cloneApps.run({ off, upto });
      for (const c of children) c.stmt.run({ off, upto });
    });
    total += upto;
    o.log(`  cloned to ${total.toLocaleString('en-GB')} cases (${((nowMs() - tTemplate) / 1000).toFixed(1)} s)`);
  }
  sqlite.prepare('UPDATE applications SET email = bench_email(first_name, last_name, id) WHERE id <= ?').run(templateMax);
  const tClone = nowMs();

  // 3. The move pool: cases at review whose gate to interview is open, made through the services.
  const ctx: ServiceCtx = { db, config: demoSettings, actor: actors.resourcing, now: () => new Date() };
  const movePoolIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < o.movePool; i++) {
      const created = createApplication(
        ctx,
        CreateApplicationInput.parse({
          route: 'transferee',
          cohortYear: null,
          firstName: 'Bench',
          lastName: `Mover ${i + 1}`,
          email: `bench.mover${i + 1}@example.com`,
          phone: '07700 900000',
          dateOfBirth: '1990-01-01',
          currentForce: 'Kent Police',
          rank: 'PC',
          warrantNumber: String(200000 + i),
          joinedForceOn: '2015-09-01',
          targetUnit: 'SNT',
          receivedAt: today.toISOString(),
        }),
      );
      const ready = recordEligibility(
        ctx,
        RecordEligibilityInput.parse({
          id: created.id,
          expectedVersion: created.version,
          targetUnit: 'SNT',
          criteria: Object.fromEntries(routeCriteria.transferee.map((k) => [k.code, true])),
          unitCriteria: Object.fromEntries(unitCriteria.SNT.map((k) => [k.code, true])),
          psdRecords: 'received',
          psdOutcome: 'clear',
          ohRecords: 'received',
          ohOutcome: 'clear',
          hasOpenMisconduct: false,
        }),
      );
      const toInterview = ready.nextMoves.find((m) => m.to === 'interview');
      if (!toInterview || toInterview.unmet.length)
        throw new Error(
          `Move-pool case ${ready.id} cannot go to interview: ${toInterview?.reasons.join('; ') ?? 'no such move'}`,
        );
      movePoolIds.push(ready.id);
    }
  });
  const tPool = nowMs();

  const count = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
  const applications = count('SELECT count(*) AS n FROM applications');
  const events = count('SELECT count(*) AS n FROM application_events');
  const byStage = Object.fromEntries(
    (
      sqlite.prepare('SELECT stage, count(*) AS n FROM applications GROUP BY stage ORDER BY n DESC').all() as {
        stage: string;
        n: number;
      }[]
    ).map((r) => [r.stage, r.n]),
  );
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('synchronous = FULL');
  sqlite.close();
  renameSync(tmp, path);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const meta: BuildMeta = {
    generatorVersion,
    count: o.count,
    templateCount: o.templateCount,
    applications,
    events,
    eventsPerCase: events / applications,
    byStage,
    seedRefusals: refusals,
    movePoolIds,
    today: today.toISOString(),
    buildMs: {
      users: tUsers - t0,
      template: tTemplate - tUsers,
      clone: tClone - tTemplate,
      movePool: tPool - tClone,
      total: nowMs() - t0,
    },
    fileBytes: statSync(path).size,
  };
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  return { path, meta, isReused: false };
}

export type { Db };
