import { TRPCError } from '@trpc/server';
import { venues } from '@muster/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) {
      const details = (e.cause as { details?: { unmet?: { code: string }[]; fieldCodes?: Record<string, string[]> } } | undefined)
        ?.details;
      return { code: e.code, unmet: details?.unmet?.map((u) => u.code) ?? [], fieldCodes: details?.fieldCodes };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const full = { professionalism: 4, integrity: 5, courage: 3, compassion: 4 };
const { compassion: _c, ...withoutCompassion } = full;

/** A METCC case booked into a 09:00–10:30 slot on 1 December with the panel member and resourcing on the panel. */
async function bookedInterview(api: Api) {
  const c = await applicationAt(api, 'interview');
  const venueId = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()?.id ?? 0;
  const [slot] = await api.as.resourcing.interviews.publishSlots({
    unit: 'METCC',
    venueId,
    panel: [api.actors.panelMetcc.id, api.actors.resourcing.id],
    dates: ['2026-12-01'],
    startTime: '09:00',
    lengthMinutes: 90,
  });
  if (!slot) throw new Error('no slot');
  const booked = await api.as.leadMetcc.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot.id });
  const interviewId = booked.interviewBookings[0]?.id ?? 0;
  return { c: booked, interviewId };
}

describe('scorecards', () => {
  it('are scored blind by each panel member once the interview has ended, then summarised for the outcome that meets the gate', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    const booked = await bookedInterview(api);
    const { interviewId } = booked;
    let { c } = booked;
    const pat = api.as.panelMetcc.interviews;
    const rita = api.as.resourcing.interviews;

    // Not before the interview has ended; not by anyone off the panel.
    expect((await refusal(pat.submitScorecard({ interviewId, scores: full }))).unmet).toEqual(['scorecards.not_yet']);
    api.clock.now = new Date('2026-12-01T10:45:00Z');
    c = await api.as.leadMetcc.interviews.recordAttendance({ id: c.id, expectedVersion: c.version, attended: true });
    expect((await refusal(api.as.leadMetcc.interviews.submitScorecard({ interviewId, scores: full }))).code).toBe('FORBIDDEN');
    expect((await refusal(api.as.leadTsg.interviews.scorecards({ interviewId }))).code).toBe('FORBIDDEN');
    expect((await refusal(api.as.coordinator.interviews.scorecards({ interviewId }))).code).toBe('FORBIDDEN');

    // Every criterion is scored 1–5, named when missing.
    expect((await refusal(pat.submitScorecard({ interviewId, scores: withoutCompassion }))).fieldCodes).toEqual({
      'scores.compassion': ['scorecards.score_missing'],
    });

    // Scorecards due: both panel members, on their agendas.
    expect((await pat.agenda()).scorecardsDue.map((i) => i.id)).toEqual([interviewId]);
    expect((await rita.agenda()).scorecardsDue.map((i) => i.id)).toEqual([interviewId]);

    const mine = await pat.submitScorecard({
      interviewId,
      scores: full,
      evidence: { integrity: 'Owned a mistake in the scenario.' },
    });
    expect(mine.mine).toMatchObject({ version: 1, scores: full });
    // Blind: the other member has not submitted, so there is nothing else to see yet.
    expect(mine.others).toEqual([]);
    // Resourcing sits on this panel: blind too until their own is in.
    const before = await rita.scorecards({ interviewId });
    expect([before.others, before.summary]).toEqual([[], null]);
    expect(before.panel.map((p) => [p.name, p.state])).toEqual([
      ['Pat METCC Panel', 'submitted'],
      ['Rita Resourcing', 'due'],
    ]);

    const both = await rita.submitScorecard({
      interviewId,
      scores: { professionalism: 3, integrity: 4, courage: 4, compassion: 5 },
    });
    expect(both.others.map((o) => o.by.name)).toEqual(['Pat METCC Panel']);
    expect(both.summary?.map((s) => [s.code, s.scores, s.mean])).toEqual([
      ['professionalism', [4, 3], 3.5],
      ['integrity', [5, 4], 4.5],
      ['courage', [3, 4], 3.5],
      ['compassion', [4, 5], 4.5],
    ]);
    // The lead, off the panel, sees the summary; a correction is a new version, the old one kept.
    const corrected = await pat.submitScorecard({ interviewId, scores: { ...full, courage: 4 } });
    expect(corrected.mine?.version).toBe(2);
    expect(corrected.corrected.map((k) => [k.by.name, k.version])).toEqual([['Pat METCC Panel', 1]]);
    expect((await api.as.leadMetcc.interviews.scorecards({ interviewId })).summary?.find((s) => s.code === 'courage')?.mean).toBe(
      4,
    );
    expect((await pat.agenda()).scorecardsDue).toEqual([]);

    // The outcome from the panel's scores opens the gate to pre-employment.
    c = await api.as.leadMetcc.interviews.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' });
    expect(c.interview).toMatchObject({ outcome: 'pass', scores: null });
    expect((await api.as.resourcing.applications.get({ id: c.id })).interview).toMatchObject({
      outcome: 'pass',
      scores: { professionalism: 4, integrity: 5, courage: 4, compassion: 5 },
    });
    const moved = await api.as.leadMetcc.applications.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
    expect(moved.stage).toBe('pre_employment');
  });

  it('refuses an outcome before the candidate attended or before any scorecard, and to who may not record it', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    let { c } = await bookedInterview(api);
    const lead = api.as.leadMetcc.interviews;
    expect((await refusal(lead.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' }))).unmet).toEqual([
      'scorecards.no_interview',
    ]);
    api.clock.now = new Date('2026-12-01T11:00:00Z');
    c = await lead.recordAttendance({ id: c.id, expectedVersion: c.version, attended: true });
    expect((await refusal(lead.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' }))).unmet).toEqual([
      'scorecards.none_submitted',
    ]);
    expect(
      (await refusal(api.as.panelMetcc.interviews.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(api.as.admin.interviews.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' }))).code,
    ).toBe('FORBIDDEN');
  });
});
