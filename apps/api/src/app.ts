import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@muster/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { appRouter } from './routers/_app.ts';
import {
  clearedSessionCookie,
  csrfGuard,
  readCookie,
  securityHeaders,
  sessionCookie,
  sessionCookieName,
} from './security/http.ts';
import { resolveSession } from './services/auth.ts';
import { createContextInner } from './trpc/context.ts';
import { internalErrorMessage } from './trpc/init.ts';

const bodyLimitBytes = 256 * 1024;
/** A CSV import carries the whole file. */
const importBodyLimit = 8 * 1024 * 1024;
const bodyLimit: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/imports.start') && Number(req.headers['content-length'] ?? 0) > bodyLimitBytes) {
    res.status(413).json({
      error: { message: 'The request is too large.', code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } },
    });
    return;
  }
  next();
};

export type AppDeps = { db: Db; config: Config; logger: Logger; now?: () => Date };

/** The whole HTTP surface: /trpc, /healthz and the built dashboard. No listen(): main.ts and tests do that. */
export function createApp({ db, config, logger, now = () => new Date() }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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

  app.use(
    '/trpc',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    csrfGuard(config.origin),
    bodyLimit,
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: importBodyLimit,
      createContext: ({ req, res }) => {
        const requestId = String(res.locals.requestId);
        return createContextInner({
          db,
          config,
          logger,
          now,
          requestId,
          ip: req.ip ?? null,
          actor: resolveSession(db, config, readCookie(req.headers.cookie, sessionCookieName), now()),
          cookie: {
            set: (token) =>
              res.appendHeader(
                'Set-Cookie',
                sessionCookie(token, { isSecure: config.isSecureCookie, maxAgeMs: config.sessionAbsoluteMs }),
              ),
            clear: () => res.appendHeader('Set-Cookie', clearedSessionCookie(config.isSecureCookie)),
          },
        });
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error('unexpected error', { requestId: ctx?.requestId, path, error: error.cause?.stack ?? error.stack });
        }
      },
    }),
  );

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
    app.get('/{*splat}', (_req, res) => {
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
