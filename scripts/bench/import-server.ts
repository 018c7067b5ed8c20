/**
 * The server as main.ts starts it, with the import's write slices set from BENCH_IMPORT_SLICE_ROWS
 * and BENCH_IMPORT_SLICE_MS (either may be left out: the server's own setting then holds). The
 * benchmark runs it through tsx to compare one transaction for the whole file (as before decision
 * 0009: a slice as large as the file, with no time limit) with the slices the server uses.
 */
import { importSettings } from '../../apps/api/src/services/intake.ts';

const setting = (name: string) => {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = v === 'Infinity' ? Infinity : Number(v);
  if (!(n > 0)) throw new Error(`${name} must be a positive number or Infinity, not ${v}.`);
  return n;
};
importSettings.sliceRows = setting('BENCH_IMPORT_SLICE_ROWS') ?? importSettings.sliceRows;
importSettings.sliceMs = setting('BENCH_IMPORT_SLICE_MS') ?? importSettings.sliceMs;
// After the settings: main.ts reads its config, opens the database and listens.
await import('../../apps/api/src/main.ts');
