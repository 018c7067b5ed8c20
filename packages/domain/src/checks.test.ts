import type { CheckStatus, UnitCode, VettingLevel } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkDueOn,
  checkSlaDays,
  chaseRecipient,
  daysOverdue,
  isCheckOverdue,
  lowestLevelFor,
  validateCheckDetails,
  waitsOnOf,
} from './checks.ts';
import { DomainError } from './errors.ts';
import { checkTypes } from './reference.ts';

const today = '2027-03-10';

describe('check types', () => {
  it('every check type has an SLA and who it waits on', () => {
    for (const t of checkTypes) {
      expect(checkSlaDays[t.code], t.code).toBeGreaterThan(0);
      expect(waitsOnOf(t.code)).toBe(t.waitsOn);
    }
  });

  it.each([
    ['vetting', 'vetting_unit', 42],
    ['references', 'referee', 21],
    ['occupational_health', 'occupational_health', 28],
    ['fitness_test', 'candidate', 14],
    ['biometrics', 'candidate', 14],
    ['substance_misuse', 'candidate', 14],
    ['psd_oh_records', 'current_force', 21],
    ['counter_terrorist_check', 'vetting_unit', 56],
    ['security_check', 'vetting_unit', 56],
    ['level2_public_order', 'candidate', 42],
    ['cbrn_medical', 'occupational_health', 42],
  ])('%s waits on %s, due %i days after the request', (check, waitsOn, days) => {
    expect(waitsOnOf(check)).toBe(waitsOn);
    expect(checkSlaDays[check]).toBe(days);
  });
});

describe('due dates and overdue', () => {
  it.each([
    ['vetting', '2027-01-01T10:00:00.000Z', '2027-02-12'],
    ['references', '2027-01-31', '2027-02-21'],
    ['fitness_test', '2027-02-20T23:30:00.000Z', '2027-03-06'],
    ['security_check', '2026-12-31', '2027-02-25'],
  ])('%s requested %s is due %s', (check, requested, due) => {
    expect(checkDueOn(check, requested)).toBe(due);
  });

  it.each<[CheckStatus, string | null, boolean]>([
    ['requested', '2027-03-09', true],
    ['requested', '2027-03-10', false],
    ['requested', '2027-03-11', false],
    ['not_started', '2027-03-01', true],
    ['requested', null, false],
    ['passed', '2027-03-01', false],
    ['waived', '2027-03-01', false],
    ['failed', '2027-03-01', false],
  ])('%s, due %s: overdue %s', (status, due, overdue) => {
    expect(isCheckOverdue(status, due, today)).toBe(overdue);
  });

  it('counts days overdue, never below zero', () => {
    expect(daysOverdue('2027-03-01', today)).toBe(9);
    expect(daysOverdue('2027-03-20', today)).toBe(0);
  });
});

describe('vetting levels', () => {
  it.each<[string, UnitCode | null, VettingLevel | null]>([
    ['vetting', 'SNT', 'recruitment_vetting'],
    ['vetting', null, 'recruitment_vetting'],
    ['vetting', 'MO19', 'management_vetting'],
    ['vetting', 'CT', 'management_vetting'],
    ['vetting', 'MO3', 'management_vetting'],
    ['counter_terrorist_check', 'CT', 'counter_terrorist_check'],
    ['security_check', 'MO3', 'security_check'],
    ['references', 'CT', null],
  ])('%s for %s needs at least %s', (check, unit, level) => {
    expect(lowestLevelFor(check, unit)).toBe(level);
  });

  const codeOf = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return Object.values(e.details.fieldCodes ?? {}).flat()[0] ?? e.code;
    }
  };

  it.each<[string, string, UnitCode | null, Parameters<typeof validateCheckDetails>[2], string]>([
    [
      'a passed vetting check with level and expiry',
      'vetting',
      'SNT',
      { status: 'passed', level: 'recruitment_vetting', expiresOn: '2032-03-10' },
      'ok',
    ],
    [
      'a passed vetting check without a level',
      'vetting',
      'SNT',
      { status: 'passed', expiresOn: '2032-03-10' },
      'checks.level_required',
    ],
    [
      'a passed vetting check without an expiry',
      'vetting',
      'SNT',
      { status: 'passed', level: 'management_vetting' },
      'checks.expiry_required',
    ],
    [
      'a passed vetting check expiring today',
      'vetting',
      'SNT',
      { status: 'passed', level: 'recruitment_vetting', expiresOn: today },
      'checks.expiry_passed',
    ],
    [
      'RV for an MO19 case',
      'vetting',
      'MO19',
      { status: 'passed', level: 'recruitment_vetting', expiresOn: '2032-01-01' },
      'checks.level_too_low',
    ],
    [
      'MV for a CTC check',
      'counter_terrorist_check',
      'CT',
      { status: 'passed', level: 'management_vetting', expiresOn: '2032-01-01' },
      'checks.level_too_low',
    ],
    [
      'SC standing in for CTC',
      'counter_terrorist_check',
      'CT',
      { status: 'passed', level: 'security_check', expiresOn: '2032-01-01' },
      'ok',
    ],
    [
      'CTC for an SC check',
      'security_check',
      'MO3',
      { status: 'passed', level: 'counter_terrorist_check', expiresOn: '2032-01-01' },
      'checks.level_too_low',
    ],
    ['a requested vetting check without a level', 'vetting', 'SNT', { status: 'requested', requestedOn: today }, 'ok'],
    [
      'a level on references',
      'references',
      'SNT',
      { status: 'passed', level: 'recruitment_vetting' },
      'checks.level_not_applicable',
    ],
    [
      'an expiry on references',
      'references',
      'SNT',
      { status: 'passed', expiresOn: '2030-01-01' },
      'checks.level_not_applicable',
    ],
    [
      'a request dated tomorrow',
      'references',
      'SNT',
      { status: 'requested', requestedOn: '2027-03-11' },
      'checks.requested_in_future',
    ],
    ['a failed vetting check without a level', 'vetting', 'SNT', { status: 'failed' }, 'ok'],
  ])('%s: %s', (_label, check, unit, details, code) => {
    expect(codeOf(() => validateCheckDetails(check, unit, details, today))).toBe(code);
  });
});

describe('chasers', () => {
  it.each([
    ['current_force', 'Kent Police', 'Kent Police (current force)'],
    ['current_force', null, 'Current force'],
    ['candidate', null, 'Candidate'],
    ['vetting_unit', 'Kent Police', 'Vetting unit'],
  ] as const)('%s (%s) is chased as %s', (waitsOn, force, words) => {
    expect(chaseRecipient(waitsOn, force)).toBe(words);
  });
});
