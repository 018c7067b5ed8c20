import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * One scrypt at a time. Each one allocates 128 × N × r bytes (128 MiB at N = 2^17, r = 8) for as long
 * as it runs; run side by side on libuv's threads, four sign-ins at once took the server to 758 MB.
 * In turn, the peak is one hash's worth whatever the number of sign-ins, and on two cores the total
 * time for a burst is about the same (see docs/decisions/0007-password-hashing.md).
 */
let queue: Promise<unknown> = Promise.resolve();
const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => {
  const run = () =>
    new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
};

/** scrypt with N = 2^17, r = 8, p = 1 (OWASP's recommended floor), 16-byte salt, 32-byte key. */
const params = { logN: 17, r: 8, p: 1 } as const;
const options = (logN: number, r: number, p: number): ScryptOptions => ({ N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, options(params.logN, params.r, params.p));
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, options(+logN, +r, +p));
  return timingSafeEqual(key, expected);
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are users. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
