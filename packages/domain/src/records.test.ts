import { describe, expect, it } from 'vitest';
import { assertMay, canSee, type CaseAction } from './access.ts';
import type { Actor } from './case.ts';
import { checkUpdateEffect, validateEligibility, validatePosting } from './records.ts';
import { requiredChecks } from './reference.ts';

describe('required checks', () => {
  it('every case needs the standard checks; transferees also the records from their force', () => {
    const codes = (r: Parameters<typeof requiredChecks>) => requiredChecks(...r).map((c) => c.code);
    const standard = ['vetting', 'references', 'occupational_health', 'fitness_test', 'biometrics', 'substance_misuse'];
    expect(codes(['police_now_nglp', 'SNT'])).toEqual(standard);
    expect(codes(['transferee', 'SNT'])).toEqual(['psd_oh_records', ...standard]);
    expect(codes(['transferee', 'CT'])).toContain('counter_terrorist_check');
    expect(codes(['transferee', 'MO3'])).toContain('security_check');
    expect(codes(['transferee', 'TSG'])).toEqual(expect.arrayContaining(['level2_public_order', 'cbrn_medical']));
    expect(codes(['transferee', 'BCU'])).not.toContain('level2_public_order');
  });
});

describe('TSG re-route', () => {
  it.each([
    ['level2_public_order', 'failed', { from: 'TSG', to: 'BCU' }],
    ['cbrn_medical', 'failed', { from: 'TSG', to: 'BCU' }],
    ['cbrn_medical', 'passed', null],
    ['vetting', 'failed', null],
  ] as const)('%s %s on a TSG case → %o', (check, status, reroute) => {
    expect(checkUpdateEffect({ route: 'transferee', targetUnit: 'TSG' }, check, status)).toEqual({ reroute });
  });
  it('refuses a check that does not apply, or does not exist', () => {
    expect(() => checkUpdateEffect({ route: 'transferee', targetUnit: 'BCU' }, 'cbrn_medical', 'failed')).toThrow(
      'That check does not apply to this case.',
    );
    expect(() => checkUpdateEffect({ route: 'transferee', targetUnit: 'BCU' }, 'tarot', 'passed')).toThrow(
      'There is no check called "tarot".',
    );
  });
});

describe('eligibility and posting validation', () => {
  it('refuses criteria that are not the route’s or the unit’s', () => {
    expect(() => validateEligibility({ route: 'police_now_nglp' }, 'SNT', { probation_complete: true }, {})).toThrow(
      'These criteria do not apply to this route: probation_complete.',
    );
    expect(() => validateEligibility({ route: 'transferee' }, 'SNT', {}, { fitness: true })).toThrow(
      /not Safer Neighbourhoods .* essential criteria: fitness/,
    );
    expect(() => validateEligibility({ route: 'transferee' }, 'TSG', { constable_rank: true }, { fitness: true })).not.toThrow();
  });
  it('accepts only the places a unit posts to', () => {
    expect(() => validatePosting('METCC', 'Hendon')).not.toThrow();
    expect(() => validatePosting('METCC', 'Catford (SE)')).toThrow(
      'Catford (SE) is not a place Met Command and Control posts to.',
    );
  });
});

describe('who sees and records what', () => {
  const actors: Record<string, Actor> = {
    resourcing: { id: 1, role: 'resourcing', units: [] },
    leadTsg: { id: 2, role: 'unit_lead', units: ['TSG'] },
    coordinator: { id: 3, role: 'coordinator', units: [] },
    admin: { id: 4, role: 'admin', units: [] },
  };
  it.each([
    ['resourcing', 'review', 'METCC', true],
    ['admin', 'review', 'METCC', true],
    ['leadTsg', 'review', 'TSG', true],
    ['leadTsg', 'review', 'METCC', false],
    ['leadTsg', 'review', null, false],
    ['coordinator', 'review', 'TSG', false],
    ['coordinator', 'pre_employment', 'TSG', false],
    ['coordinator', 'induction', 'TSG', true],
    ['coordinator', 'onboarded', 'TSG', true],
  ] as const)('%s sees a %s case for %s: %s', (who, stage, unit, expected) => {
    expect(canSee(actors[who]!, { stage, targetUnit: unit })).toBe(expected);
  });

  const table: [string, CaseAction, string, 'ok' | 'FORBIDDEN' | 'PRECONDITION_FAILED'][] = [
    ['resourcing', 'eligibility', 'review', 'ok'],
    ['resourcing', 'eligibility', 'interview', 'PRECONDITION_FAILED'],
    ['leadTsg', 'eligibility', 'review', 'FORBIDDEN'],
    ['leadTsg', 'interview', 'interview', 'ok'],
    ['coordinator', 'interview', 'induction', 'FORBIDDEN'],
    ['resourcing', 'check', 'pre_employment', 'ok'],
    ['leadTsg', 'check', 'pre_employment', 'FORBIDDEN'],
    ['coordinator', 'induction', 'induction', 'ok'],
    ['coordinator', 'mentor', 'mentoring', 'ok'],
    ['coordinator', 'mentor', 'onboarded', 'PRECONDITION_FAILED'],
    ['leadTsg', 'note', 'review', 'ok'],
    ['resourcing', 'note', 'rejected', 'PRECONDITION_FAILED'],
    ['admin', 'note', 'review', 'FORBIDDEN'],
    ['admin', 'eligibility', 'review', 'FORBIDDEN'],
    ['admin', 'exception', 'review', 'ok'],
    ['admin', 'exception', 'interview', 'PRECONDITION_FAILED'],
    ['resourcing', 'exception', 'review', 'FORBIDDEN'],
  ];
  it.each(table)('%s records %s at %s: %s', (who, action, stage, expected) => {
    const act = () => assertMay(actors[who]!, { stage: stage as never, targetUnit: 'TSG' }, action);
    if (expected === 'ok') expect(act).not.toThrow();
    else expect(act).toThrow(expect.objectContaining({ code: expected }));
  });
});
