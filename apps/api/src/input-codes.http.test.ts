import { readFileSync } from 'node:fs';
import { refusalSections } from '@muster/contracts';
import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { httpClient, testServers } from './testing-http.ts';

/* Input that fails the schema answers codes beside its words, keyed as `fieldErrors` is, over real HTTP. */

const start = testServers();

async function signedIn() {
  const { base } = await start();
  const client = httpClient(base);
  const { cookie } = await client.login();
  return { ...client, cookie };
}

describe('field codes of input that fails the schema', () => {
  it('a create with no route names route with a code; every field error has one code per message', async () => {
    const app = await signedIn();
    const { route: _route, ...withoutRoute } = buildApplication({ targetUnit: 'METCC' });
    const res = await app.mutate('applications.create', withoutRoute, app.cookie);
    expect(res.status).toBe(400);
    const { fieldErrors, fieldCodes } = res.body.error.data as {
      fieldErrors: Record<string, string[]>;
      fieldCodes: Record<string, string[]>;
    };
    expect(fieldErrors.route).toEqual(['Select an entry route.']);
    expect(fieldCodes.route).toEqual(['input.not_an_option']);
    expect(Object.keys(fieldCodes).sort()).toEqual(Object.keys(fieldErrors).sort());
    for (const [key, messages] of Object.entries(fieldErrors)) expect(fieldCodes[key]).toHaveLength(messages.length);
  });

  it('names the kind of problem: wrong type, too short, too long, not a date, a rule across fields', async () => {
    const app = await signedIn();
    const res = await app.mutate(
      'applications.create',
      {
        ...buildApplication({ targetUnit: 'METCC' }),
        firstName: ' ',
        lastName: 'x'.repeat(500),
        email: 42,
        dateOfBirth: '1990-02-30',
      },
      app.cookie,
    );
    expect(res.status).toBe(400);
    const codes = res.body.error.data.fieldCodes as Record<string, string[]>;
    expect(codes).toMatchObject({
      firstName: ['input.below_minimum'],
      lastName: ['input.above_maximum'],
      email: ['input.wrong_type'],
    });
    expect(codes.dateOfBirth).toEqual(['input.wrong_format']);
    // Every code sent is a published one (docs/API.md lists them from this table).
    for (const list of Object.values(codes)) for (const code of list) expect(Object.keys(refusalSections)).toContain(code);

    // A rule across fields (a date of birth in the future) is a rule not met.
    const future = await app.mutate(
      'applications.create',
      buildApplication({ targetUnit: 'METCC', dateOfBirth: '2090-01-01' }),
      app.cookie,
    );
    expect(future.status).toBe(400);
    expect(future.body.error.data.fieldCodes).toEqual({ dateOfBirth: ['input.rule_not_met'] });
  });

  it('text that cannot be stored is input.unstorable_text on its field', async () => {
    const app = await signedIn();
    const res = await app.query('applications.list', { q: 'x\u0000y' }, app.cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.data.fieldCodes).toEqual({ q: ['input.unstorable_text'] });
  });

  it('docs/API.md lists every input code', () => {
    const doc = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');
    const codes = Object.keys(refusalSections).filter((c) => c.startsWith('input.'));
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes.filter((c) => !doc.includes(`| \`${c}\` |`))).toEqual([]);
  });
});
