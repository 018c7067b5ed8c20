import { isIP } from 'node:net';
import { users, type Db } from '@muster/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { demoAccounts } from './seed-demo.ts';

/** Addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '[::1]') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * Why Muster must not serve with this configuration and database, or null. The demo accounts share a
 * published password, so demo data is served only to this machine; and a database that still holds
 * demo accounts is not served beyond it, even with demo data switched off.
 */
export function servingRefusal(config: Config, db: Db): string | null {
  if (isLoopbackHost(config.host)) return null;
  if (config.isDemo) {
    return (
      `Muster will not serve demo data on ${config.host}: the demo accounts' password is published. ` +
      'To serve other machines, start with MUSTER_DEMO=0 on a new database and create real users ' +
      '(see "Running it for real" in README.md); to try the demo, leave HOST unset (127.0.0.1).'
    );
  }
  const active = db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(
          users.email,
          demoAccounts.map((a) => a.email),
        ),
      ),
    )
    .all();
  if (active.length) {
    return (
      `Muster will not serve ${config.dbPath} on ${config.host}: it still holds demo accounts with the published ` +
      `password (${active.map((a) => a.email).join(', ')}). Start on a new database with MUSTER_DEMO=0 ` +
      'and create real users (see "Running it for real" in README.md).'
    );
  }
  return null;
}
