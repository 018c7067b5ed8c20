import { createTestDb } from '@muster/db/testing';
import { users } from '@muster/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { insertUser } from '../services/auth.ts';
import { isLoopbackHost, servingRefusal } from './serving-guard.ts';

const config = (env: Record<string, string>) => readConfig({ MUSTER_LOG: 'silent', ...env });

describe('where Muster may serve', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.1.2.3', false],
    ['muster.example', false],
  ])('%s is loopback: %s', (host, expected) => expect(isLoopbackHost(host)).toBe(expected));

  it('demo data is served on loopback (the README command) and refused anywhere else, saying what to do', () => {
    const db = createTestDb();
    expect(servingRefusal(config({}), db)).toBeNull();
    const refusal = servingRefusal(config({ HOST: '0.0.0.0' }), db);
    expect(refusal).toContain('MUSTER_DEMO=0');
    expect(refusal).toContain('create real users');
  });

  it('a database still holding active demo accounts is not served beyond loopback, even with demo data off', () => {
    const db = createTestDb();
    const real = config({ HOST: '0.0.0.0', MUSTER_DEMO: '0' });
    expect(servingRefusal(real, db)).toBeNull();
    insertUser(db, { email: 'admin@muster.test', name: 'Demo', role: 'admin', units: [], passwordHash: 'x' });
    expect(servingRefusal(real, db)).toContain('admin@muster.test');
    db.update(users).set({ isActive: false }).where(eq(users.email, 'admin@muster.test')).run();
    expect(servingRefusal(real, db)).toBeNull();
  });
});
