import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@muster/db';
import { createTestDb } from '@muster/db/testing';
import { afterEach, beforeAll, expect } from 'vitest';
import { createApp } from './app.ts';
import { testConfig, type Config } from './config.ts';
import type { Logger } from './logger.ts';
import { hashPassword } from './security/passwords.ts';
import { insertUser } from './services/auth.ts';
import { testPassword } from './testing.ts';

export const httpTestStart = new Date('2026-11-23T09:00:00Z');

/**
 * Real servers on ephemeral ports for HTTP tests: call once at the top of a test file; it hashes the
 * test password once and closes every server after each test. Each `start()` is a fresh database
 * with a resourcing user and a METCC unit lead (password `testPassword`), a settable clock, and a
 * logger that keeps what was logged as an error.
 */
export function testServers() {
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await hashPassword(testPassword);
  });
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  });

  return async function start(overrides: Partial<Config> = {}) {
    const db: Db = createTestDb();
    const clock = { now: httpTestStart };
    const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
    const logger: Logger = { info() {}, error: (msg, fields) => void logged.push({ msg, ...(fields ? { fields } : {}) }) };
    const config = testConfig({ webDist: '/nonexistent/muster-web-dist', ...overrides });
    const users = {
      resourcing: insertUser(db, {
        email: 'res@muster.test',
        name: 'Rita Resourcing',
        role: 'resourcing',
        units: [],
        passwordHash,
      }),
      leadMetcc: insertUser(db, {
        email: 'metcc@muster.test',
        name: 'Mo METCC Lead',
        role: 'unit_lead',
        units: ['METCC'],
        passwordHash,
      }),
    };
    const server = createApp({ db, config, logger, now: () => clock.now }).listen(0, '127.0.0.1');
    servers.push(server);
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { db, clock, config, logged, users, base };
  };
}

/** Calls to a real server as the dashboard makes them, reading each JSON answer. */
export function httpClient(base: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON bodies of every procedure, read field by field in the tests
  type Reply = { status: number; headers: Headers; body: any; text: string };
  async function send(path: string, init: RequestInit = {}): Promise<Reply> {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  /** A tRPC mutation as the dashboard sends it: POST, JSON, same origin. */
  const mutate = (proc: string, input: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    send(`/trpc/${proc}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: base,
        'sec-fetch-site': 'same-origin',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(input),
    });
  const query = (proc: string, input?: unknown, cookie?: string) =>
    send(`/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
      headers: cookie ? { cookie } : {},
    });

  /** Signs in and returns the Cookie header value to send back. */
  async function login(email = 'res@muster.test') {
    const res = await mutate('auth.login', { email, password: testPassword });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { cookie: setCookie.split(';')[0] ?? '', setCookie, res };
  }
  return { send, mutate, query, login };
}
