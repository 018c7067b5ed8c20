import { parseArgs } from 'node:util';
import { CreateUserInput } from '@muster/contracts';
import { backupDb, createDb, migrateDb, seedReferenceData } from '@muster/db';
import { z } from 'zod';
import { readConfig } from './config.ts';
import { createUser } from './services/auth.ts';

const usage = `Usage: pnpm muster <command>

  create-user --email EMAIL --name NAME --role ROLE [--unit CODE ...]
      Creates a user. The password is read from stdin (one line), never from the command line:
        printf '%s\\n' "$PASSWORD" | pnpm muster create-user --email a@met.police.uk --name "A Person" --role resourcing
      ROLE is resourcing, unit_lead, coordinator or admin; a unit lead needs --unit (TSG, METCC, ...).

  backup FILE
      Writes a consistent copy of the live database to FILE (SQLite online backup; safe while the app runs).

The database is MUSTER_DB (default ./data/muster.sqlite).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
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
          options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string', multiple: true } },
        });
        if (process.stdin.isTTY) process.stderr.write('Password (input is not hidden; pipe it in to keep it off screen): ');
        const parsed = CreateUserInput.safeParse({ ...values, units: values.unit ?? [], password: await readStdin() });
        if (!parsed.success) {
          const errors = z.flattenError(parsed.error);
          for (const [field, messages] of Object.entries(errors.fieldErrors)) console.error(`${field}: ${(messages as string[]).join(' ')}`);
          for (const m of errors.formErrors) console.error(m);
          return 2;
        }
        const id = await createUser(db, parsed.data);
        console.log(`Created user ${parsed.data.email} (id ${id}, role ${parsed.data.role}).`);
        return 0;
      }
      case 'backup': {
        const file = rest[0];
        if (!file) {
          console.error('Give the file to write the backup to: pnpm muster backup backups/muster-2026-11-23.sqlite');
          return 2;
        }
        await backupDb(db, file);
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
