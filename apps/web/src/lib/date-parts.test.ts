import { describe, expect, it } from 'vitest';
import { dateErrors, datePartsOf, parseDate, readDates, type DateParts } from './date-parts.ts';

const parts = (day: string, month: string, year: string): DateParts => ({ day, month, year });

describe('reading a date typed as day, month and year', () => {
  it.each([
    [parts('27', '3', '2007'), '2007-03-27'],
    [parts('1', '1', '1990'), '1990-01-01'],
    [parts('01', '09', '2016'), '2016-09-01'],
    [parts(' 7 ', ' 3 ', ' 2007 '), '2007-03-07'],
    [parts('29', '2', '2024'), '2024-02-29'],
    [parts('31', '12', '1999'), '1999-12-31'],
    [parts('5', 'Mar', '2007'), '2007-03-05'],
    [parts('5', 'march', '2007'), '2007-03-05'],
    [parts('', '', ''), ''],
    [parts(' ', '', ' '), ''],
  ])('%o reads as "%s"', (typed, iso) => {
    expect(parseDate(typed, 'Date of birth')).toEqual({ iso });
  });

  it.each([
    [parts('', '3', '2007'), 'Date of birth must include a day.', ['day']],
    [parts('27', '', '2007'), 'Date of birth must include a month.', ['month']],
    [parts('27', '3', ''), 'Date of birth must include a year.', ['year']],
    [parts('', '', '2007'), 'Date of birth must include a day and month.', ['day', 'month']],
    [parts('27', '', ''), 'Date of birth must include a month and year.', ['month', 'year']],
    [parts('', '3', ''), 'Date of birth must include a day and year.', ['day', 'year']],
    [parts('31', '2', '1990'), 'Date of birth must be a real date.', ['day']],
    [parts('29', '2', '2023'), 'Date of birth must be a real date.', ['day']],
    [parts('31', '4', '1990'), 'Date of birth must be a real date.', ['day']],
    [parts('32', '1', '1990'), 'Date of birth must be a real date.', ['day']],
    [parts('0', '1', '1990'), 'Date of birth must be a real date.', ['day']],
    [parts('1', '13', '1990'), 'Date of birth must be a real date.', ['month']],
    [parts('1', '0', '1990'), 'Date of birth must be a real date.', ['month']],
    [parts('1', 'Smarch', '1990'), 'Date of birth must be a real date.', ['month']],
    [parts('x', '1', '1990'), 'Date of birth must be a real date.', ['day']],
    [parts('1', '1', '19x0'), 'Date of birth must be a real date.', ['year']],
    [parts('40', '13', '1990'), 'Date of birth must be a real date.', ['day', 'month']],
    [parts('1', '1', '90'), 'Date of birth must include a year with 4 numbers.', ['year']],
    [parts('1', '1', '19900'), 'Date of birth must include a year with 4 numbers.', ['year']],
    [parts('1', '1', '0990'), 'Date of birth must include a year with 4 numbers.', ['year']],
  ])('%o: %s', (typed, message, highlighted) => {
    expect(parseDate(typed, 'Date of birth')).toEqual({ problem: { message, parts: highlighted } });
  });

  it('shows an ISO date as the three parts a user would type', () => {
    expect(datePartsOf('2007-03-07')).toEqual(parts('7', '3', '2007'));
    expect(datePartsOf('2016-12-31')).toEqual(parts('31', '12', '2016'));
    expect(datePartsOf(null)).toEqual(parts('', '', ''));
    expect(datePartsOf('')).toEqual(parts('', '', ''));
  });

  it('reads as the user typed it what it shows (a round trip)', () => {
    for (const iso of ['1990-04-01', '2024-02-29', '2027-11-30'])
      expect(parseDate(datePartsOf(iso), 'Start date')).toEqual({ iso });
  });
});

describe('the dates of a form', () => {
  it('gives each ISO date, leaves out those not shown, and lists the problems to show before sending', () => {
    const read = readDates({
      dateOfBirth: { parts: parts('31', '2', '1990'), label: 'Date of birth' },
      joinedForceOn: { parts: parts('1', '9', '2016'), label: 'Date joined current force' },
      startDate: null,
    });
    expect(read).toEqual({
      isos: { dateOfBirth: '', joinedForceOn: '2016-09-01', startDate: '' },
      problems: { dateOfBirth: { message: 'Date of birth must be a real date.', parts: ['day'] } },
      hasProblems: true,
    });
    expect(
      dateErrors(read.problems, { dateOfBirth: 'new-dateOfBirth', joinedForceOn: 'new-joinedForceOn', startDate: 'x' }),
    ).toEqual({
      byField: { dateOfBirth: ['Date of birth must be a real date.'] },
      summary: [{ href: '#new-dateOfBirth-day', text: 'Date of birth must be a real date.' }],
    });
  });

  it('links the summary to the first box in error', () => {
    const read = readDates({ startDate: { parts: parts('1', '', ''), label: 'Start date' } });
    expect(dateErrors(read.problems, { startDate: 'induction-startDate' }).summary).toEqual([
      { href: '#induction-startDate-month', text: 'Start date must include a month and year.' },
    ]);
    expect(readDates({ startDate: { parts: parts('', '', ''), label: 'Start date' } })).toMatchObject({
      isos: { startDate: '' },
      hasProblems: false,
    });
  });
});
