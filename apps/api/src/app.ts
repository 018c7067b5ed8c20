import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@muster/db';
import { DomainError } from '@muster/domain';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { appRouter } from './routers/_app.ts';
import {
  batchGuard,
  bodyLimits,
  clearedSessionCookie,
  csrfGuard,
  declaredBodyLimit,
  readCookie,
  securityHeaders,
  sessionCookie,
  sessionCookieName,
} from './security/http.ts';
import { feedLimiter } from './security/feed-limit.ts';
import { resolveSession } from './services/auth.ts';
import { feedCalendar, interviewCalendar } from './services/calendar.ts';
import { createContextInner, type SessionActor } from './trpc/context.ts';
import { internalErrorMessage } from './trpc/init.ts';

export type AppDeps = { db: Db; config: Config; logger: Logger; now?: () => Date };

/** The whole HTTP surface: /trpc, /healthz and the built dashboard. No listen(): main.ts and tests do that. */
export function createApp({ db, config, logger, now = () => new Date() }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    next();
  });
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    db.$client.prepare('SELECT 1').get();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  const trpcHandler = (maxBodySize: number) =>
    createExpressMiddleware({
      router: appRouter,
      maxBodySize,
      createContext: ({ req, res }) =>
        createContextInner({
          db,
          config,
          logger,
          now,
          requestId: String(res.locals.requestId),
          ip: req.ip ?? null,
          origin: config.origin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
          actor: (res.locals.actor as SessionActor | null | undefined) ?? null,
          cookie: {
            set: (token) =>
              res.appendHeader(
                'Set-Cookie',
                sessionCookie(token, { isSecure: config.isSecureCookie, maxAgeMs: config.sessionAbsoluteMs }),
              ),
            clear: () => res.appendHeader('Set-Cookie', clearedSessionCookie(config.isSecureCookie)),
          },
        }),
      responseMeta: ({ errors }) => {
        // A sign-in refused by a limit says when to try again, for clients that read the header.
        const wait = errors
          .map((e) => (e.cause instanceof DomainError ? e.cause.details.retryAfterSeconds : undefined))
          .find((s) => s !== undefined);
        return wait === undefined ? {} : { headers: { 'Retry-After': String(wait) } };
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error('unexpected error', { requestId: ctx?.requestId, path, error: error.cause?.stack ?? error.stack });
        }
      },
    });
  const ordinaryCalls = trpcHandler(bodyLimits.ordinary);
  const importCalls = trpcHandler(bodyLimits.import);
  /** The import's larger body is read only for one signed-in resourcing user's single `imports.start` call. */
  const isImportUpload = (req: Request, actor: SessionActor | null) =>
    req.method === 'POST' && req.path === '/imports.start' && req.query.batch === undefined && actor?.role === 'resourcing';

  app.use(
    '/trpc',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    csrfGuard(config.origin),
    batchGuard,
    (req, res, next) => {
      const actor = resolveSession(db, config, readCookie(req.headers.cookie, sessionCookieName), now());
      res.locals.actor = actor;
      const limit = isImportUpload(req, actor) ? bodyLimits.import : bodyLimits.ordinary;
      if (!declaredBodyLimit(req, res, limit)) return;
      (limit === bodyLimits.import ? importCalls : ordinaryCalls)(req, res, next);
    },
  );

  // Calendar files (RFC 5545). One interview's, for a signed-in user who may see it; a user's private
  // feed, by the token in its address (no cookie: calendar services fetch it), limited per token.
  const sendCalendar = (res: Response, name: string, body: string) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.type('text/calendar; charset=utf-8').send(body);
  };
  app.get('/interviews/:file', (req, res) => {
    const id = /^(\d{1,9})\.ics$/.exec(req.params.file)?.[1];
    if (!id) return void res.status(404).type('text').send('Not found');
    const actor = resolveSession(db, config, readCookie(req.headers.cookie, sessionCookieName), now());
    if (!actor) return void res.status(401).type('text').send('Sign in to Muster to download this interview.');
    try {
      sendCalendar(res, `interview-${id}.ics`, interviewCalendar({ db, actor }, Number(id)));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      res
        .status(e.code === 'FORBIDDEN' ? 403 : 404)
        .type('text')
        .send(e.message);
    }
  });
  const feeds = feedLimiter();
  app.get('/calendar/:file', (req, res) => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(req.params.file)?.[1];
    if (!token) return void res.status(404).type('text').send('Not found');
    const wait = feeds.take(token, now().getTime());
    if (wait !== null) {
      res.setHeader('Retry-After', String(wait));
      return void res.status(429).type('text').send('This calendar was fetched too often. Try again later.');
    }
    const body = feedCalendar(db, token, now());
    if (body === null) return void res.status(404).type('text').send('Not found');
    sendCalendar(res, 'muster-interviews.ics', body);
  });

  const indexHtml = join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(
      express.static(config.webDist, {
        index: false,
        maxAge: '1y',
        immutable: true,
        setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
      }),
    );
    app.get('/{*splat}', (req, res) => {
      // A file the build does not have (a name with an extension) is missing, not a page of the dashboard.
      if (req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(req.path)) {
        res.status(404).type('text').send('Not found');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) =>
      res.type('text').send('Muster API is running. Build the dashboard with `pnpm build` to serve it here.'),
    );
  }

  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    const requestId = String(res.locals.requestId);
    logger.error('unexpected error', { requestId, error: err instanceof Error ? err.stack : String(err) });
    if (!res.headersSent) res.status(500).json({ error: { message: internalErrorMessage(requestId), data: { requestId } } });
  };
  app.use(onError);
  return app;
}
