import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a feed address: 256 random bits, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What is stored of a token: its SHA-256, so a copy of the database opens no session and no feed. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
