import { existsSync, readFileSync } from 'node:fs';

/**
 * What a new password must be (NIST SP 800-63B 3.1.1.2, OWASP ASVS 5.0 6.2): long enough, not one
 * attackers try first, not the user's own email name. No rules about mixing character classes: they
 * make passwords harder to remember without making them harder to guess. Checked in the API only,
 * so the list never reaches the browser.
 */
export const passwordPolicy = { minLength: 12, minDistinct: 4, minLocalPartLength: 3 } as const;

/**
 * The list sits beside this file in src/security/. The bundle (dist/cli.js, dist/main.js, one folder
 * below apps/api like src/) reads the same file from src/security/.
 */
const listLocations = [
  new URL('./common-passwords.txt', import.meta.url),
  new URL('../src/security/common-passwords.txt', import.meta.url),
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (common) return common;
  const file = listLocations.find((url) => existsSync(url));
  if (!file) throw new Error('apps/api/src/security/common-passwords.txt is missing: passwords cannot be checked.');
  common = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.toLowerCase()),
  );
  return common;
}

/** Letters attackers' tools swap in for others ("p@ssw0rd"). */
const leet: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * The forms of a password a guessing tool would reach from a listed one: itself, with digits or
 * symbols added at either end ("password1234"), with look-alike characters ("p@ssw0rd1"), or said
 * twice ("dragondragon").
 */
function listForms(lower: string): string[] {
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const forms = [lower, core, [...core].map((c) => leet[c] ?? c).join('')];
  const repeat = /^(.+?)\1+$/u.exec(lower)?.[1];
  if (repeat) forms.push(repeat);
  return forms.filter(Boolean);
}

/**
 * Everything wrong with `password` as a new password for `email`, each in words that say what to
 * change; empty if it is fine. Never repeats any part of the password.
 */
export function passwordProblems(password: string, { email }: { email: string }): string[] {
  if (!password.trim()) return ['Use a password with something other than spaces in it.'];
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < passwordPolicy.minLength)
    problems.push(`Use a password of at least ${passwordPolicy.minLength} characters; this one has ${chars.length}.`);
  const lower = password.toLowerCase();
  const distinct = new Set(lower).size;
  if (distinct < passwordPolicy.minDistinct)
    problems.push(
      `Use more different characters: this password has only ${distinct} different character${distinct === 1 ? '' : 's'}. A few unrelated words work well.`,
    );
  const list = commonPasswords();
  if (listForms(lower).some((form) => list.has(form)))
    problems.push(
      'This password is one of the 10,000 most common passwords (or one with numbers or symbols added), which attackers try first. Choose another: a few unrelated words work well.',
    );
  const at = email.lastIndexOf('@');
  const localPart = (at > 0 ? email.slice(0, at) : email).toLowerCase();
  if (localPart.length >= passwordPolicy.minLocalPartLength && lower.includes(localPart))
    problems.push('Take the part of your email address before the @ out of the password.');
  return problems;
}
