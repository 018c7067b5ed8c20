import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the user ran the command: pnpm sets INIT_CWD before moving into the package to run a script. */
export const invocationDir = process.env.INIT_CWD ?? process.cwd();

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Relative paths are taken from where the command was run (pnpm runs scripts inside apps/api). */
  MUSTER_DB: z
    .string()
    .default(fileURLToPath(new URL('../../../data/muster.sqlite', import.meta.url)))
    .transform((p) => resolve(invocationDir, p)),
  MUSTER_DEMO: flag.default(true),
  /** Minutes without a request before a session ends. */
  MUSTER_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Hours after sign-in when a session ends however active. */
  MUSTER_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Send the session cookie with `Secure` (browsers accept it on http://localhost too). */
  MUSTER_SECURE_COOKIE: flag.default(true),
  /** The public origin, e.g. https://muster.example; by default the request's own Host. */
  MUSTER_ORIGIN: z.url().optional(),
  MUSTER_WEB_DIST: z.string().optional(),
  /** Days a new application may wait at review before the triage queue marks it overdue. */
  MUSTER_TRIAGE_SLA_DAYS: z.coerce.number().int().min(1).max(365).default(10),
  MUSTER_LOG: z.enum(['silent', 'error', 'info']).default('info'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in throttling, logs):
   * a comma-separated list of addresses or subnets, or `loopback`. Unset: none, the TCP peer is the client.
   */
  MUSTER_TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^[\w.:/, -]*$/, 'a comma-separated list of addresses, subnets or loopback / linklocal / uniquelocal')
    .optional(),
  /** Where to send the outbox's messages, e.g. smtp://user:pass@mail.example:587; unset: kept in the outbox only. */
  SMTP_URL: z.url().optional(),
  /** The sender of those messages. */
  MUSTER_MAIL_FROM: z.string().trim().min(3).default('Muster <no-reply@muster.invalid>'),
});

export type Config = {
  port: number;
  host: string;
  dbPath: string;
  isDemo: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  isSecureCookie: boolean;
  origin: string | undefined;
  webDist: string;
  logLevel: 'silent' | 'error' | 'info';
  triageSlaDays: number;
  /** Express's `trust proxy`: false, or the proxies whose X-Forwarded-For is believed. */
  trustProxy: false | string[];
  smtpUrl: string | undefined;
  mailFrom: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.MUSTER_DB,
    isDemo: e.MUSTER_DEMO,
    sessionIdleMs: e.MUSTER_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.MUSTER_SESSION_ABSOLUTE_HOURS * 3_600_000,
    isSecureCookie: e.MUSTER_SECURE_COOKIE,
    origin: e.MUSTER_ORIGIN,
    webDist: e.MUSTER_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
    logLevel: e.MUSTER_LOG,
    triageSlaDays: e.MUSTER_TRIAGE_SLA_DAYS,
    trustProxy: e.MUSTER_TRUST_PROXY
      ? e.MUSTER_TRUST_PROXY.split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : false,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MUSTER_MAIL_FROM,
  };
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...readConfig({ MUSTER_LOG: 'silent' }),
  ...overrides,
});
