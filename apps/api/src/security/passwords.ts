import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with m = 19 MiB, t = 2, p = 1 (OWASP's recommended floor), stored in its PHC form
 * `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. See docs/decisions/0007-password-hashing.md.
 */
/** `Algorithm.Argon2id` is an ambient const enum, which verbatimModuleSyntax cannot import: its value is 2. */
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!stored.startsWith('$argon2id$')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are users. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
