import type { ApplicationEvent, CheckStatus } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { clearanceOf, discloseEvent, disclosureOf } from './need-to-know.ts';

const event = (
  type: ApplicationEvent['type'],
  details: Record<string, unknown>,
  reason: string | null = null,
): ApplicationEvent => ({
  id: 1,
  type,
  at: '2026-11-23T10:00:00.000Z',
  actor: { id: 1, name: 'Rita' },
  fromStage: null,
  toStage: null,
  reason,
  details,
});

describe('need to know', () => {
  it.each([
    ['resourcing', 'full'],
    ['admin', 'full'],
    ['unit_lead', 'unit'],
    ['coordinator', 'joiner'],
    ['panel_member', 'joiner'],
  ] as const)('%s is given %s disclosure', (role, level) => expect(disclosureOf({ role })).toBe(level));

  it.each([
    ['not_started', 'pending'],
    ['requested', 'pending'],
    ['passed', 'cleared'],
    ['waived', 'cleared'],
    ['failed', 'refer'],
  ] as [CheckStatus, string][])('a check %s is %s to a unit lead', (status, clearance) =>
    expect(clearanceOf(status)).toBe(clearance),
  );

  it('an eligibility event loses the force records, misconduct and notes for a unit lead, keeps the criteria', () => {
    const e = event('eligibility_recorded', {
      targetUnit: 'METCC',
      criteria: { a: true },
      psdOutcome: 'refer',
      hasOpenMisconduct: true,
      misconductDetails: 'x',
      notes: 'y',
      changes: { psdOutcome: { from: null, to: 'refer' }, 'criteria.a': { from: null, to: true } },
    });
    expect(discloseEvent(e, 'unit')?.details).toEqual({
      targetUnit: 'METCC',
      criteria: { a: true },
      changes: { 'criteria.a': { from: null, to: true } },
    });
    expect(discloseEvent(e, 'joiner')).toBeNull();
    expect(discloseEvent(e, 'full')).toBe(e);
  });

  it('a check event is its clearance to a unit lead, and not shown to a coordinator', () => {
    const e = event('check_updated', { check: 'vetting', name: 'Vetting', from: 'requested', to: 'failed' }, 'Adverse result');
    expect(discloseEvent(e, 'unit')).toMatchObject({
      reason: null,
      details: { check: 'vetting', name: 'Vetting', clearance: 'refer' },
    });
    expect(discloseEvent(e, 'joiner')).toBeNull();
  });

  it('an edit of the details shows a coordinator only the contact fields that changed', () => {
    const e = event('details_edited', {
      changes: { phone: { from: '1', to: '2' }, dateOfBirth: { from: '1990-01-01', to: '1991-01-01' } },
    });
    expect(discloseEvent(e, 'joiner')?.details).toEqual({ changes: { phone: { from: '1', to: '2' } } });
  });

  it('an interview outcome is the outcome alone to a unit lead', () => {
    const e = event('interview_recorded', { outcome: 'pass', scores: { integrity: 4 }, notes: 'n' });
    expect(discloseEvent(e, 'unit')?.details).toEqual({ outcome: 'pass' });
  });
});
