import type { Role, UnitCode } from '@muster/contracts';
import type { Db } from '@muster/db';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

export type SessionActor = { id: number; email: string; name: string; role: Role; units: UnitCode[]; tokenHash: string };

/** How a procedure reaches the response's session cookie; a no-op recorder under createCaller. */
export type SessionCookie = { set(token: string): void; clear(): void };

export type Context = {
  db: Db;
  config: Config;
  logger: Logger;
  now: () => Date;
  actor: SessionActor | null;
  cookie: SessionCookie;
  ip: string | null;
  requestId: string;
  /** Where the dashboard is served from, for addresses the API hands out (MUSTER_ORIGIN, else the request's). */
  origin: string;
};

export type ContextInput = Pick<Context, 'db' | 'config' | 'logger'> & Partial<Omit<Context, 'db' | 'config' | 'logger'>>;

/** The context without an HTTP request: what tests and scripts use. */
export function createContextInner(input: ContextInput): Context {
  return {
    now: () => new Date(),
    actor: null,
    cookie: { set() {}, clear() {} },
    ip: null,
    requestId: 'internal',
    origin: 'http://localhost',
    ...input,
  };
}
