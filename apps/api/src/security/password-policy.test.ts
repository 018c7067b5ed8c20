import { describe, expect, it } from 'vitest';
import { testPassword } from '../testing.ts';
import { passwordProblems } from './password-policy.ts';

const email = 'lee.lead@met.police.uk';

describe('new passwords', () => {
  it.each([
    ['the test password', testPassword],
    ['a few unrelated words', 'violet anchor thimble'],
    ['a long random string', 'k7#Qm2!vZp9w'],
    ['a listed word inside a longer phrase', 'dragon kettle orchard'],
    ['the first letters of the email name only', 'lee gardens allotment'],
    ['exactly four different characters', 'mpqrmrpqqmrp'],
    ['twelve characters counted as characters, not bytes', 'ŵŷŝĉĝĥĵŵŷŝĉĝ'],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password, { email })).toEqual([]);
  });

  it.each([
    ['12 spaces', ' '.repeat(12), 'something other than spaces'],
    ['tabs and spaces', ' \t \t \t \t \t \t', 'something other than spaces'],
    ['11 characters', 'violet anch', 'at least 12 characters; this one has 11'],
    ['one character repeated', 'aaaaaaaaaaaa', 'only 1 different character.'],
    ['three characters repeated', 'abcabcabcabc', 'only 3 different characters'],
    ['upper and lower case of the same letters', 'AbAbAbAbAbAb', 'only 2 different characters'],
    ['a listed password of 12 characters', 'unbelievable', '10,000 most common'],
    ['a listed password in capitals', 'UNBELIEVABLE', '10,000 most common'],
    ['a listed password with digits added', 'password1234', '10,000 most common'],
    ['a listed password with digits and a symbol around it', '2024Password!!', '10,000 most common'],
    ['a listed password with look-alike characters', 'p@ssw0rd1234', '10,000 most common'],
    ['a listed password said twice', 'dragondragon', '10,000 most common'],
    ['a listed password said three times', 'abcdabcdabcd', '10,000 most common'],
    ['the email name', 'lee.lead is my password', 'before the @'],
    ['the email name in capitals', 'xx LEE.LEAD xx horse', 'before the @'],
  ])('refuses %s', (_, password, message) => {
    const problems = passwordProblems(password, { email });
    expect(problems.join(' ')).toContain(message);
    // The message names what to change and never echoes the password.
    if (password.trim()) for (const p of problems) expect(p).not.toContain(password.trim());
  });

  it('gives every problem at once', () => {
    expect(passwordProblems('xqxq', { email })).toEqual([
      'Use a password of at least 12 characters; this one has 4.',
      'Use more different characters: this password has only 2 different characters. A few unrelated words work well.',
    ]);
  });

  it('looks for the email name only when it has 3 or more characters', () => {
    expect(passwordProblems('jo horse battery', { email: 'jo@met.police.uk' })).toEqual([]);
    expect(passwordProblems('ann horse battery', { email: 'ann@met.police.uk' })).toHaveLength(1);
  });
});
