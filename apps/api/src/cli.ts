import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '@muster/contracts';
import { CreateUserInput, importLimitMessages, importLimits } from '@muster/contracts';
import { backupDb, createDb, migrateDb, seedReferenceData, users } from '@muster/db';
import { DomainError } from '@muster/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invocationDir, readConfig } from './config.ts';
import { createUser } from './services/auth.ts';
import { runImport } from './services/intake.ts';

const usage = `Usage: pnpm muster <command>

  create-user --email EMAIL --name NAME --role ROLE [--unit CODE ...]
      Creates a user. The password is read from stdin (one line), never from the command line:
        printf '%s\\n' "$PASSWORD" | pnpm muster create-user --email a@met.police.uk --name "A Person" --role resourcing
      ROLE is resourcing, unit_lead, coordinator or admin; a unit lead needs --unit (TSG, METCC, ...).

  import FILE.csv [--dry-run] --as EMAIL
      Imports applications from the application form's CSV export (columns in docs/import-format.md).
      The file is read as UTF-8, or as Windows-1252 (Excel's plain 'CSV') when it is not UTF-8.
      If any row is refused, nothing is imported. A large file is written in slices of 500: if the
      import stops part-way, run it again to finish (rows already imported are left unchanged, never
      created twice). --dry-run reports what would happen, row by row, and writes nothing. At most
      25,000 applications and 6 MB a file. --as names the resourcing user the import is recorded under.

  backup FILE
      Writes a consistent copy of the live database to FILE (SQLite online backup; safe while the app runs).

The database is MUSTER_DB (default ./data/muster.sqlite).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function printImportReport(r: ImportReport) {
  for (const e of r.fileErrors) console.log(`File: ${e.message}`);
  for (const notice of r.notices) console.log(`Note: ${notice.message}`);
  for (const row of r.rows) {
    const what = { create: r.isCommitted ? 'created' : 'would be created', unchanged: 'unchanged', refused: 'REFUSED' }[
      row.outcome
    ];
    const dups = row.duplicates.map((d) => ` (possible duplicate of ${d.reference}: ${d.matches.join(', ')})`).join('');
    console.log(
      `line ${row.line} ${row.reference || '(no reference)'} ${row.name}: ${what}${dups}${row.errors.length ? ` — ${row.errors.join(' ')}` : ''}`,
    );
  }
  const c = r.counts;
  const verdict =
    r.fileErrors.length || c.refused
      ? 'Nothing was imported: fix the refused rows and run it again.'
      : r.isCommitted
        ? 'Imported.'
        : r.isDryRun
          ? 'Dry run: nothing was written.'
          : 'Nothing new to import.';
  console.log(
    `\n${c.create} to create, ${c.unchanged} unchanged, ${c.refused} refused, ${c.flagged} flagged as possible duplicates. ${verdict}`,
  );
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = readConfig();
  const db = createDb(config.dbPath);
  migrateDb(db);
  seedReferenceData(db);
  try {
    switch (command) {
      case 'create-user': {
        const { values } = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string' },
            unit: { type: 'string', multiple: true },
          },
        });
        if (process.stdin.isTTY) process.stderr.write('Password (input is not hidden; pipe it in to keep it off screen): ');
        const parsed = CreateUserInput.safeParse({ ...values, units: values.unit ?? [], password: await readStdin() });
        if (!parsed.success) {
          const errors = z.flattenError(parsed.error);
          for (const [field, messages] of Object.entries(errors.fieldErrors)) console.error(`${field}: ${messages.join(' ')}`);
          for (const m of errors.formErrors) console.error(m);
          return 2;
        }
        let id: number;
        try {
          id = await createUser(db, parsed.data);
        } catch (err) {
          // A refused password or a taken email: say what to change, as for the checks above.
          if (!(err instanceof DomainError && err.details.fieldErrors)) throw err;
          for (const [field, messages] of Object.entries(err.details.fieldErrors))
            console.error(`${field}: ${messages.join(' ')}`);
          return 2;
        }
        console.log(`Created user ${parsed.data.email} (id ${id}, role ${parsed.data.role}).`);
        return 0;
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { 'dry-run': { type: 'boolean', default: false }, as: { type: 'string' } },
        });
        const file = positionals[0];
        if (!file || !values.as) {
          console.error('Usage: pnpm muster import FILE.csv [--dry-run] --as EMAIL');
          return 2;
        }
        const user = db.select().from(users).where(eq(users.email, values.as.toLowerCase())).get();
        if (!user || user.role !== 'resourcing' || !user.isActive) {
          console.error(`${values.as} is not an active resourcing user; imports are recorded under one.`);
          return 2;
        }
        const ctx = { db, config, now: () => new Date(), actor: { id: user.id, role: user.role, units: [], name: user.name } };
        const path = resolve(invocationDir, file);
        // The limit is checked before the file is read.
        const size = statSync(path).size;
        if (size > importLimits.maxFileBytes) {
          console.error(importLimitMessages.fileTooLarge(size));
          return 1;
        }
        // The bytes as saved: runImport works out the encoding (UTF-8, or Excel's Windows-1252).
        const input = { fileName: basename(file), bytes: readFileSync(path), isDryRun: values['dry-run'] };
        const report = await runImport(ctx, input, {
          rowsListed: Infinity,
          onProgress: (phase, processed, total) => {
            process.stderr.write(`\r${phase === 'checking' ? 'Checking' : 'Writing'} ${processed} of ${total} rows…`.padEnd(40));
          },
        });
        process.stderr.write('\n');
        printImportReport(report);
        return report.fileErrors.length || report.counts.refused ? 1 : 0;
      }
      case 'backup': {
        const file = rest[0];
        if (!file) {
          console.error('Give the file to write the backup to: pnpm muster backup backups/muster-2026-11-23.sqlite');
          return 2;
        }
        await backupDb(db, resolve(invocationDir, file));
        console.log(`Backed up ${config.dbPath} to ${file}.`);
        return 0;
      }
      default:
        console.log(usage);
        return command ? 2 : 0;
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    db.$client.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
