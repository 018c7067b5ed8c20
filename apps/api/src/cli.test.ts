import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { importLimits } from '@muster/contracts';
import { applications, createDb, migrateDb, seedReferenceData, users } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from './config.ts';
import { createApplication } from './services/candidate-details.ts';
import { insertUser, login } from './services/auth.ts';
import { addNote } from './services/records.ts';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'apps/api/src/cli.ts');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'muster-cli-'));
  dirs.push(d);
  return d;
}

/** Command lines of every process on this machine (Linux /proc), to see whether a secret shows up in one. */
function allCommandLines(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

type Run = { code: number | null; stdout: string; stderr: string; commandLinesWhileWaiting: string[] };

/**
 * Runs the CLI with `stdin` written only after a pause, so the test can look at every process's
 * command line while the CLI is running and before it has the password.
 */
function runCli(dbPath: string, args: string[], stdin: string): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tsx, [cli, ...args], {
      cwd: root,
      env: { ...process.env, MUSTER_DB: dbPath, MUSTER_LOG: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let commandLinesWhileWaiting: string[] = [];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, commandLinesWhileWaiting }));
    setTimeout(() => {
      commandLinesWhileWaiting = allCommandLines();
      child.stdin.end(stdin);
    }, 1_500);
  });
}

describe('muster CLI', () => {
  it('create-user reads the password from stdin, keeps it off every command line, and the user can sign in', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'muster.sqlite');
    const password = `cli-secret-${Date.now()}-horse`;
    const run = await runCli(
      dbPath,
      [
        'create-user',
        '--email',
        'Lee.Lead@Met.Police.UK',
        '--name',
        'Lee Lead',
        '--role',
        'unit_lead',
        '--unit',
        'TSG',
        '--unit',
        'CT',
      ],
      `${password}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Created user lee\.lead@met\.police\.uk \(id \d+, role unit_lead\)/);
    // The CLI was running (its command line is there) and no process had the password in its arguments.
    expect(run.commandLinesWhileWaiting.some((c) => c.includes('create-user') && c.includes('Lee.Lead@Met.Police.UK'))).toBe(
      true,
    );
    expect(run.commandLinesWhileWaiting.filter((c) => c.includes(password))).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(password);

    const db = createDb(dbPath);
    try {
      const stored = db.select().from(users).where(eq(users.email, 'lee.lead@met.police.uk')).get()!;
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(stored.passwordHash).not.toContain(password);
      const { me, token } = await login(
        { db, config: testConfig(), now: () => new Date(), ip: null },
        { email: 'lee.lead@met.police.uk', password },
      );
      expect(me).toMatchObject({ name: 'Lee Lead', role: 'unit_lead' });
      expect([...me.units].sort()).toEqual(['CT', 'TSG']);
      expect(token.length).toBeGreaterThan(20);
      await expect(
        login(
          { db, config: testConfig(), now: () => new Date(), ip: null },
          { email: 'lee.lead@met.police.uk', password: 'something else entirely' },
        ),
      ).rejects.toThrow(/not right/);
    } finally {
      db.$client.close();
    }
  });

  it('refuses a password on the command line, a short password and a unit lead without a unit, creating no one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'muster.sqlite');
    const onArgv = await runCli(
      dbPath,
      ['create-user', '--email', 'a@met.police.uk', '--name', 'A', '--role', 'admin', '--password', 'a-long-enough-password'],
      'a-long-enough-password\n',
    );
    expect(onArgv.code).not.toBe(0);
    const short = await runCli(
      dbPath,
      ['create-user', '--email', 'b@met.police.uk', '--name', 'B', '--role', 'admin'],
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const noUnit = await runCli(
      dbPath,
      ['create-user', '--email', 'c@met.police.uk', '--name', 'C', '--role', 'unit_lead'],
      'a-long-enough-password\n',
    );
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toContain('A unit lead or panel member needs at least one unit.');

    const db = createDb(dbPath);
    try {
      expect(db.select().from(users).all()).toEqual([]);
    } finally {
      db.$client.close();
    }
  });

  it('create-user refuses a common password and one of only spaces, saying what to change, and creates no one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'muster.sqlite');
    const args = ['create-user', '--email', 'd@met.police.uk', '--name', 'D', '--role', 'admin'];
    const common = await runCli(dbPath, args, 'Password1234\n');
    expect(common.code).toBe(2);
    expect(common.stderr).toContain('password: This password is one of the 10,000 most common passwords');
    expect(common.stdout + common.stderr).not.toContain('Password1234');
    const spaces = await runCli(dbPath, args, `${' '.repeat(12)}\n`);
    expect(spaces.code).toBe(2);
    expect(spaces.stderr).toContain('password: Use a password with something other than spaces in it.');

    const db = createDb(dbPath);
    try {
      expect(db.select().from(users).all()).toEqual([]);
    } finally {
      db.$client.close();
    }
  });

  it('backup FILE writes a database that opens, passes an integrity check and has the same rows', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'live.sqlite');
    const backupPath = join(dir, 'backups', 'copy.sqlite');

    // A live database with some work in it, left open (as the running app would) during the backup.
    const db = createDb(dbPath);
    migrateDb(db);
    seedReferenceData(db);
    const id = insertUser(db, {
      email: 'res@met.police.uk',
      name: 'Rita',
      role: 'resourcing',
      units: [],
      passwordHash: 'never-signs-in',
    });
    const ctx = {
      db,
      config: testConfig(),
      now: () => new Date('2026-11-23T10:00:00Z'),
      actor: { id, name: 'Rita', role: 'resourcing' as const, units: [] },
    };
    for (let i = 0; i < 12; i++) {
      const c = createApplication(ctx, buildApplication());
      addNote(ctx, { id: c.id, expectedVersion: c.version, body: `Note ${i}` });
    }

    const tables = (d: Database.Database) =>
      (
        d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
    const counts = (d: Database.Database) =>
      Object.fromEntries(tables(d).map((t) => [t, (d.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    const before = counts(db.$client);
    expect(before.applications).toBe(12);
    expect(before.application_events).toBe(24);

    let live: Record<string, number>;
    try {
      const run = await runCli(dbPath, ['backup', backupPath], '');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`to ${backupPath}`);
      // The CLI brings reference data up to date on start, so compare with the live database as it is now.
      live = counts(db.$client);
      expect(live.applications).toBe(12);
      expect(live.application_events).toBe(24);
    } finally {
      db.$client.close();
    }

    const copy = new Database(backupPath, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(counts(copy)).toEqual(live);
      expect(
        copy
          .prepare("SELECT json_extract(details, '$.body') AS body FROM application_events WHERE type = ? ORDER BY id LIMIT 1")
          .get('note_added'),
      ).toEqual({ body: 'Note 0' });
      // The search index came along too.
      expect(
        (
          copy
            .prepare('SELECT count(*) AS n FROM applications_search WHERE applications_search MATCH \'"example.com"\'')
            .get() as { n: number }
        ).n,
      ).toBe(12);
    } finally {
      copy.close();
    }
  });
});

describe('muster import', () => {
  const header = readFileSync(join(root, 'docs/samples/applications-sample.csv'), 'utf8').split('\n')[0]!;

  function databaseWithResourcing() {
    const dir = tempDir();
    const dbPath = join(dir, 'muster.sqlite');
    const db = createDb(dbPath);
    migrateDb(db);
    seedReferenceData(db);
    insertUser(db, { email: 'res@met.police.uk', name: 'Rita', role: 'resourcing', units: [], passwordHash: 'never-signs-in' });
    db.$client.close();
    return { dir, dbPath };
  }

  it('reads the file’s bytes: a Windows-1252 file (Excel’s “CSV”) is imported as such, with a note saying so', async () => {
    const { dir, dbPath } = databaseWithResourcing();
    const file = join(dir, 'excel.csv');
    const csv = `${header}\r\nX-1,2026-11-02,transferee,,José,Ó Briain,jose@example.com,,1990-01-01,Kent Police,PC,,2015-01-01,,,,\r\n`;
    writeFileSync(file, Buffer.from(csv, 'latin1'));
    const run = await runCli(dbPath, ['import', file, '--as', 'res@met.police.uk'], '');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Note: This file was saved as Windows-1252 (Excel's 'CSV'); Muster read it as such.");
    expect(run.stdout).toContain('line 2 X-1 José Ó Briain: created');
    const db = createDb(dbPath);
    try {
      expect(
        db
          .select()
          .from(applications)
          .all()
          .map((a) => `${a.firstName} ${a.lastName}`),
      ).toEqual(['José Ó Briain']);
    } finally {
      db.$client.close();
    }
  });

  it('refuses a file over the limit before reading it, and a UTF-16 file saying how to save it', async () => {
    const { dir, dbPath } = databaseWithResourcing();
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, importLimits.maxFileBytes + 1);
    const tooBig = await runCli(dbPath, ['import', big, '--dry-run', '--as', 'res@met.police.uk'], '');
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toContain('The file is 6.1 MB; Muster imports files of at most 6 MB');

    const utf16 = join(dir, 'unicode.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\n`, 'utf16le')]));
    const refused = await runCli(dbPath, ['import', utf16, '--dry-run', '--as', 'res@met.police.uk'], '');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("File: This file was saved as UTF-16 (Excel's 'Unicode Text')");
  });
});
