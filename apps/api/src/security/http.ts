import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

export const sessionCookieName = 'muster_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function sessionCookie(token: string, opts: { isSecure: boolean; maxAgeMs: number }): string {
  return [
    `${sessionCookieName}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(opts.maxAgeMs / 1000)}`,
    ...(opts.isSecure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(isSecure: boolean): string {
  return [`${sessionCookieName}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(isSecure ? ['Secure'] : [])].join(
    '; ',
  );
}

/** Security headers on every response: a CSP with no inline script, no framing, no sniffing, no referrer leaks. */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
});

/**
 * CSRF defence for state changes: only POST with a JSON body, and when the browser says where the
 * request came from (Origin, Sec-Fetch-Site) it must be this site. A cross-site form cannot send JSON
 * without a CORS preflight, which this server never grants.
 */
export function csrfGuard(expectedOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const refuse = (message: string) =>
      res.status(403).json({ error: { message, code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } });
    if (req.method !== 'POST') return refuse('Only POST may change data.');
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return refuse('Changes must be sent as JSON (Content-Type: application/json).');
    }
    const origin = req.headers.origin;
    const own = expectedOrigin ?? `${req.protocol}://${req.headers.host}`;
    if (origin !== undefined && origin !== own) return refuse('This request came from another site and was refused.');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return refuse('This request came from another site and was refused.');
    next();
  };
}
