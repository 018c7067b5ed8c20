import { importColumns } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex, readHeader, readImportRow, type PersonKeys } from './intake.ts';

const person = (over: Partial<PersonKeys> = {}): PersonKeys => ({
  email: 'ann@example.com',
  currentForce: null,
  warrantNumber: null,
  firstName: 'Ann',
  lastName: 'Lee',
  dateOfBirth: '1990-01-01',
  ...over,
});

describe('DuplicateIndex', () => {
  it('links each of N people with one email to the first, once: N-1 links, not N²/2', () => {
    const index = new DuplicateIndex();
    const links = Array.from({ length: 700 }, (_, i) =>
      index.add(person({ firstName: `P${i}`, dateOfBirth: `19${String(i % 100).padStart(2, '0')}-01-01` }), {
        id: null,
        reference: `R${i}`,
      }),
    );
    expect(links[0]).toEqual([]);
    expect(links.flat()).toHaveLength(699);
    expect(new Set(links.flat().map((l) => l.reference))).toEqual(new Set(['R0']));
  });

  it('links to an existing case (added first, by id) rather than to a row of the file', () => {
    const index = new DuplicateIndex();
    index.add(person(), { id: 7, reference: 'OLD-7' });
    expect(index.add(person(), { id: null, reference: 'NEW-1' })).toEqual([
      { id: 7, reference: 'OLD-7', matches: ['same_email', 'same_name_dob'] },
    ]);
    expect(index.add(person({ firstName: 'Bob' }), { id: null, reference: 'NEW-2' })).toEqual([
      { id: 7, reference: 'OLD-7', matches: ['same_email'] },
    ]);
  });

  it('gives one link per key at most, to different cases when the first under each key differs', () => {
    const index = new DuplicateIndex();
    index.add(person({ email: 'a@example.com' }), { id: 1, reference: 'A' });
    index.add(person({ email: 'b@example.com', firstName: 'Zed', currentForce: 'Kent Police', warrantNumber: 'K1' }), {
      id: 2,
      reference: 'B',
    });
    const links = index.add(person({ email: 'b@example.com', currentForce: 'Kent Police', warrantNumber: 'k1 ' }), {
      id: null,
      reference: 'C',
    });
    expect(links).toEqual([
      { id: 2, reference: 'B', matches: ['same_email', 'same_warrant'] },
      { id: 1, reference: 'A', matches: ['same_name_dob'] },
    ]);
  });
});

describe('readImportRow', () => {
  const { index } = readHeader([...importColumns]);
  const good = [
    'APP-1',
    '2026-11-02',
    'transferee',
    '',
    'Ann',
    'Lee',
    'ann@example.com',
    '',
    '1990-01-01',
    'Kent Police',
    'PC',
    '',
    '2015-01-01',
    '',
    '',
    '',
    '',
  ];
  const withField = (column: (typeof importColumns)[number], value: string) =>
    good.map((v, i) => (importColumns[i] === column ? value : v));

  it('reads a good row', () => {
    expect(readImportRow(good, index, '2026-12-02')).toMatchObject({ row: { reference: 'APP-1', firstName: 'Ann' }, errors: [] });
  });

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['bell', '\u0007', 'U+0007'],
    ['escape', '\u001b', 'U+001B'],
  ])('refuses a row with a %s in it, naming the column and the character', (_what, ch, code) => {
    expect(readImportRow(withField('last_name', `Le${ch}e`), index, '2026-12-02')).toMatchObject({
      row: null,
      errors: [
        `last_name: has a control character (${code}), which is not text: the file may be damaged. Remove it and import again.`,
      ],
    });
  });

  it('applies the cohort year rules of a case created by hand: a transferee has none, Police Now ones the programme ran', () => {
    const cohort = (route: string, year: string) => {
      const isPoliceNow = route !== 'transferee';
      const values: Partial<Record<(typeof importColumns)[number], string>> = {
        route,
        cohort_year: year,
        ...(isPoliceNow ? { current_force: '', rank: '', joined_force_on: '' } : {}),
      };
      return readImportRow(
        good.map((v, i) => values[importColumns[i]!] ?? v),
        index,
        '2026-12-02',
      );
    };
    expect(cohort('police_now_ndp', '2024').errors).toEqual([]);
    expect(cohort('transferee', '2024').errors.join(' ')).toMatch(/^cohort_year: /);
    expect(cohort('police_now_ndp', '2018').errors.join(' ')).toMatch(/^cohort_year: /);
    expect(cohort('police_now_ndp', '2031').errors.join(' ')).toMatch(/^cohort_year: /);
  });

  it('keeps tabs and line breaks inside a value (notes)', () => {
    expect(readImportRow(withField('notes', 'line one\r\nline\ttwo'), index, '2026-12-02').errors).toEqual([]);
  });

  it('quotes back at most a readable length of a huge value', () => {
    const read = readImportRow(withField('current_force', 'K'.repeat(9_000)), index, '2026-12-02');
    expect(read.row).toBeNull();
    expect(read.errors.join(' ').length).toBeLessThan(400);
    const refused = readImportRow(withField('reference', 'R'.repeat(9_000)), index, '2026-12-02');
    expect(refused).toMatchObject({ row: null, reference: `${'R'.repeat(39)}…` });
  });
});
