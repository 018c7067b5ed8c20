import type { NextFunction, Request, Response } from 'express';
import { importLimits, maxBatchCalls } from '@muster/contracts';
import helmet from 'helmet';

export const sessionCookieName = 'muster_session';

/** A cookie's value as sent. Muster's tokens are base64url, so nothing is decoded: a malformed value is simply no session. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** A refusal in the shape the tRPC client reads: `error.message` in plain words, `error.data.code`. */
function refuseRequest(res: Response, httpStatus: number, code: string, message: string, data: Record<string, unknown> = {}) {
  const rpcCode = { 400: -32600, 403: -32003, 413: -32013 }[httpStatus] ?? -32600;
  res.status(httpStatus).json({ error: { message, code: rpcCode, data: { code, httpStatus, ...data } } });
}

/**
 * Bytes a request body may have: ordinary calls, and one resourcing user's `imports.start` — the
 * largest file, base64, and room for the rest of the JSON.
 */
export const bodyLimits = { ordinary: 256 * 1024, import: importLimits.maxContentChars + 64 * 1024 } as const;

const sizeInWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
export const tooLargeMessage = (limit: number) =>
  `The request is larger than Muster accepts (at most ${sizeInWords(limit)}); nothing was changed.`;

/**
 * Refuses at once a body that says it is over the limit. The bytes actually read are counted as they
 * arrive too (tRPC's maxBodySize), so a chunked body or a false Content-Length stops at the same limit.
 */
export function declaredBodyLimit(req: Request, res: Response, limit: number): boolean {
  if (Number(req.headers['content-length'] ?? 0) <= limit) return true;
  refuseRequest(res, 413, 'PAYLOAD_TOO_LARGE', tooLargeMessage(limit), { limitBytes: limit });
  return false;
}

/**
 * tRPC batches (`/trpc/a,b,c?batch=1`) carry at most `maxBatchCalls` calls, and never a sign-in: each
 * sign-in is its own request, so throttling and the password hash's cost are counted per try.
 */
export function batchGuard(req: Request, res: Response, next: NextFunction) {
  const isBatch = new URLSearchParams(req.url.split('?')[1] ?? '').get('batch') === '1';
  let calls: string[];
  try {
    // tRPC decodes the path before splitting it: so must the count, or %2C would slip a batch through.
    calls = decodeURIComponent(req.path.slice(1)).split(',');
  } catch {
    return refuseRequest(res, 400, 'BAD_REQUEST', 'The address of this request is malformed.');
  }
  if (!isBatch) {
    if (calls.length > 1) return refuseRequest(res, 400, 'BAD_REQUEST', 'Several procedures were named without ?batch=1.');
    return next();
  }
  if (calls.length > maxBatchCalls) {
    return refuseRequest(
      res,
      400,
      'BATCH_TOO_LARGE',
      `One request may carry at most ${maxBatchCalls} calls; this one had ${calls.length}. Send them in smaller batches.`,
      { maxBatchCalls },
    );
  }
  if (calls.includes('auth.login')) {
    return refuseRequest(res, 400, 'LOGIN_IN_BATCH', 'Sign in with a request of its own, not inside a batch.');
  }
  next();
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
const helmetHeaders = helmet({
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
  xFrameOptions: { action: 'deny' },
});

/** Browser features the dashboard never uses, switched off for it and anything it might load. */
const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  res.setHeader('Permissions-Policy', permissionsPolicy);
  helmetHeaders(req, res, next);
}

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
