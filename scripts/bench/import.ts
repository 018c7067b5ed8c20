/**
 * The CSV import at scale: a file of `rows` new applications (the columns of docs/import-format.md)
 * through `runImport` — the check of every row, duplicate matching against the cases already there,
 * then the all-or-nothing write — on the benchmark database, at synchronous=FULL.
 */
import { importColumns, StartImportInput } from '../../packages/contracts/src/index.ts';
import type { Db } from '../../packages/db/src/index.ts';
import { prng } from '../../apps/api/src/demo/seed-demo.ts';
import { firstNames, lastNames } from '../../apps/api/src/demo/people.ts';
import type { ServiceCtx } from '../../apps/api/src/services/actor.ts';
import { runImport } from '../../apps/api/src/services/intake.ts';
import { nowMs } from './stats.ts';

const forces = [
  'Kent Police',
  'Essex Police',
  'Surrey Police',
  'Thames Valley Police',
  'Hampshire and Isle of Wight Constabulary',
  'Sussex Police',
];
const units = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'];

/** A CSV of `rows` transferee applications, each a different person (own name, email and warrant number). */
export function importCsv(rows: number, seed = 7): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rand.int(0, xs.length - 1)]!;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [importColumns.join(',')];
  for (let i = 1; i <= rows; i++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const row: Record<(typeof importColumns)[number], string> = {
      reference: `BENCH-IMP-${String(i).padStart(6, '0')}`,
      received_at: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00Z`,
      route: 'transferee',
      cohort_year: '',
      first_name: first,
      last_name: last,
      email: `${first}.${last}.import${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      phone: `07700 9${String(i % 100000).padStart(5, '0')}`,
      date_of_birth: `19${80 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      current_force: pick(forces),
      rank: i % 3 ? 'PC' : 'DC',
      warrant_number: `IMP${String(i).padStart(7, '0')}`,
      joined_force_on: `20${String(10 + (i % 12)).padStart(2, '0')}-09-01`,
      unit_preferences: [pick(units), pick(units)].filter((u, k, a) => a.indexOf(u) === k).join(';'),
      posting_preference: '',
      specialist_skills: i % 4 ? '' : 'Advanced driver;Taser trained',
      notes: i % 10 ? '' : 'Asked about relocation, and whether "CT" vacancies are open',
    };
    lines.push(importColumns.map((c) => quote(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export type ImportFigures = { rows: number; bytes: number; checkMs: number; totalMs: number; created: number; flagged: number };

export async function benchImport(db: Db, actor: ServiceCtx['actor'], rows: number): Promise<ImportFigures> {
  const csv = importCsv(rows);
  const ctx: ServiceCtx = { db, actor, now: () => new Date() };
  const input = StartImportInput.parse({ fileName: 'bench-import.csv', csv, isDryRun: false });
  const t0 = nowMs();
  let checkMs = 0;
  const report = await runImport(ctx, input, (phase) => {
    if (phase === 'writing' && !checkMs) checkMs = nowMs() - t0;
  });
  const totalMs = nowMs() - t0;
  if (!report.isCommitted) throw new Error(`the import was not committed: ${JSON.stringify(report).slice(0, 500)}`);
  return { rows, bytes: Buffer.byteLength(csv), checkMs, totalMs, created: report.counts.create, flagged: report.counts.flagged };
}
