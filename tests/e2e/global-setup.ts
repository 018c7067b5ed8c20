import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer, templateDbPath } from './support.ts';

/**
 * Seeding the demo data (hundreds of cases through the real services) is most of a server's
 * start-up. Do it once per run into a template database; each test file then starts its own server
 * on a fresh copy of it.
 */
export async function setup() {
  mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(templateDbPath + suffix, { force: true });
  const server = await startServer({ dbPath: templateDbPath });
  await server.stop();
}

export function teardown() {
  for (const suffix of ['', '-wal', '-shm']) rmSync(templateDbPath + suffix, { force: true });
}
