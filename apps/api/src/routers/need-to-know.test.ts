import { venues } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { requiredChecks } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allCriteriaMet, setupApi, type Person } from '../testing.ts';
import { appRouter } from './_app.ts';
import { passCheck } from '../services/checks-testing.ts';

/*
 * Need to know (docs/decisions/0017), walked: a case carrying one of every restricted thing, each
 * marked with a word of its own; then every query procedure, and a write that answers with the case,
 * called by every role. A restricted word, or a restricted field with a value, in an answer to a role
 * not meant to have it fails the test. A new query procedure fails it until it is added to the walk.
 */

const secret = {
  misconduct: 'SECRET-MISCONDUCT-DETAILS',
  eligibilityNotes: 'SECRET-REVIEWER-NOTES',
  exception: 'SECRET-EXCEPTION-REASON',
  checkReason: 'SECRET-CHECK-WAIVER',
  outcomeNotes: 'SECRET-OUTCOME-NOTES',
  evidence: 'SECRET-SCORECARD-EVIDENCE',
} as const;

/** The force's records and misconduct answers: resourcing and the admin only. */
const forceRecordFields = ['psdRecords', 'psdOutcome', 'ohRecords', 'ohOutcome', 'hasOpenMisconduct', 'misconductDetails'];

type Api = Awaited<ReturnType<typeof setupApi>>;
type Caller = Api['as'][Person];

/** A METCC transferee at induction with open misconduct excepted, an interview scored and a check waived. */
async function caseWithEverything(api: Api) {
  const r = api.as.resourcing.applications;
  let c = await r.create(buildApplication({ targetUnit: 'METCC' }));
  c = await r.recordEligibility({
    id: c.id,
    expectedVersion: c.version,
    targetUnit: 'METCC',
    ...allCriteriaMet(c.route, 'METCC'),
    psdRecords: 'received',
    psdOutcome: 'refer',
    ohRecords: 'received',
    ohOutcome: 'clear',
    hasOpenMisconduct: true,
    misconductDetails: secret.misconduct,
    notes: secret.eligibilityNotes,
  });
  c = await api.as.admin.applications.approveException({ id: c.id, expectedVersion: c.version, reason: secret.exception });
  c = await r.move({ id: c.id, expectedVersion: c.version, to: 'interview' });

  const venueId = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()?.id ?? 0;
  const [slot] = await api.as.resourcing.interviews.publishSlots({
    unit: 'METCC',
    venueId,
    panel: [api.actors.panelMetcc.id, api.actors.resourcing.id],
    dates: ['2026-11-24'],
    startTime: '09:00',
    lengthMinutes: 60,
  });
  if (!slot) throw new Error('no slot');
  c = await api.as.leadMetcc.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot.id });
  const after = api.asAt(new Date('2026-11-24T11:00:00Z'));
  c = await after.leadMetcc.interviews.recordAttendance({ id: c.id, expectedVersion: c.version, attended: true });
  const interviewId = c.interviewBookings[0]?.id ?? 0;
  const scores = { professionalism: 4, integrity: 4, courage: 3, compassion: 5 };
  await after.panelMetcc.interviews.submitScorecard({ interviewId, scores, evidence: { courage: secret.evidence } });
  await after.resourcing.interviews.submitScorecard({ interviewId, scores });
  c = await after.leadMetcc.interviews.recordOutcome({
    id: c.id,
    expectedVersion: c.version,
    outcome: 'pass',
    notes: secret.outcomeNotes,
  });
  c = await after.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
  // The fitness test requested and chased before it is waived: its dates and chaser are check details too.
  c = await after.resourcing.checks.update({ id: c.id, expectedVersion: c.version, check: 'fitness_test', status: 'requested' });
  c = (await after.resourcing.checks.chase({ id: c.id, expectedVersion: c.version, check: 'fitness_test' })).application;
  for (const k of requiredChecks(c.route, c.targetUnit)) {
    const waived = k.code === 'fitness_test';
    c = await after.resourcing.checks.update(
      waived
        ? { id: c.id, expectedVersion: c.version, check: k.code, status: 'waived', reason: secret.checkReason }
        : passCheck(c, k.code),
    );
  }
  c = await after.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'induction' });
  return { id: c.id, interviewId };
}

/** Every query procedure, as each role calls it; `scorecards` carry the panel's scores by design (0015). */
const queries: Record<string, (c: Caller, at: { id: number; interviewId: number }) => Promise<unknown>> = {
  'auth.me': (c) => c.auth.me(),
  'applications.get': (c, at) => c.applications.get({ id: at.id }),
  'applications.list': (c) => c.applications.list({}),
  'applications.board': (c) => c.applications.board({}),
  'applications.column': (c) => c.applications.column({ stage: 'induction' }),
  'applications.history': (c, at) => c.applications.history({ id: at.id }),
  'reference.all': (c) => c.reference.all(),
  'reference.mentors': (c, at) => c.reference.mentors({ applicationId: at.id }),
  'reference.closeReasons': (c) => c.reference.closeReasons(),
  'admin.accessLog': (c) => c.admin.accessLog({}),
  'admin.closeReasons': (c) => c.admin.closeReasons(),
  'admin.outbox': (c) => c.admin.outbox(),
  'admin.messageTemplates': (c) => c.admin.messageTemplates(),
  'admin.interviewers': (c) => c.admin.interviewers(),
  'imports.status': (c) => c.imports.status({ jobId: '00000000-0000-4000-8000-000000000000' }),
  'duplicates.list': (c) => c.duplicates.list({}),
  'triage.queue': (c) => c.triage.queue({}),
  'triage.reviewers': (c) => c.triage.reviewers(),
  'triage.views': (c) => c.triage.views(),
  'interviews.slots': (c) => c.interviews.slots({ from: '2026-11-20' }),
  'interviews.panellists': (c) => c.interviews.panellists({ unit: 'METCC' }),
  'interviews.venues': (c) => c.interviews.venues(),
  'interviews.agenda': (c) => c.interviews.agenda(),
  'interviews.scorecards': (c, at) => c.interviews.scorecards({ interviewId: at.interviewId }),
  'mentors.list': (c) => c.mentors.list({}),
  'mentors.suggest': (c, at) => c.mentors.suggest({ applicationId: at.id }),
  'courses.list': (c) => c.courses.list({}),
  'developmentDays.list': (c) => c.developmentDays.list({}),
  'coordination.home': (c) => c.coordination.home(),
  'checks.list': (c, at) => c.checks.list({ id: at.id }),
  'checks.overdue': (c) => c.checks.overdue({}),
};

/** Every place a forbidden field has a value in an answer: `path.to.field`. */
function fieldsWithValues(value: unknown, fields: readonly string[], path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsWithValues(v, fields, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(fields.includes(k) && v !== null && v !== undefined ? [`${path}.${k}`] : []),
    ...fieldsWithValues(v, fields, `${path}.${k}`),
  ]);
}

/** The case-detail answers in a result (objects carrying `disclosure`). */
function details(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(details);
  if (typeof value !== 'object' || value === null) return [];
  const here = 'disclosure' in value ? [value as Record<string, unknown>] : [];
  return [...here, ...Object.values(value).flatMap(details)];
}

async function answer(call: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await call };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code };
    throw e;
  }
}

describe('need to know: every answer carries only what the role may see', () => {
  it('walks every query procedure', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const all = Object.entries(procedures)
      .filter(([, p]) => p._def.type === 'query')
      .map(([k]) => k)
      .sort();
    expect(Object.keys(queries).sort()).toEqual(all);
  });

  it('a unit lead, a coordinator and a panel member get no restricted record; resourcing and the admin get them all', async () => {
    const api = await setupApi();
    const at = await caseWithEverything(api);
    const seen: Record<string, string[]> = {};
    const rows: [Person, string, unknown][] = [];
    for (const who of Object.keys(api.as) as Person[]) {
      const caller = api.as[who];
      for (const [name, call] of Object.entries(queries)) {
        const a = await answer(call(caller, at));
        if (a.ok) rows.push([who, name, a.value]);
      }
      // A write that answers with the case, by each who may make it.
      const current = await answer(api.as.resourcing.applications.get({ id: at.id }));
      const version = current.ok ? (current.value as { version: number }).version : 0;
      const wrote = await answer(caller.applications.addNote({ id: at.id, expectedVersion: version, body: `Seen by ${who}.` }));
      if (wrote.ok) rows.push([who, 'applications.addNote', wrote.value]);
    }
    for (const [who, name, value] of rows) {
      const text = JSON.stringify(value);
      const found = Object.entries(secret)
        .filter(([, word]) => text.includes(word))
        .map(([k]) => k);
      (seen[who] ??= []).push(...found.map((k) => `${name}:${k}`));
      const level = who === 'resourcing' || who === 'admin' ? 'full' : who.startsWith('lead') ? 'unit' : 'joiner';
      if (level === 'full') continue;
      expect(fieldsWithValues(value, forceRecordFields), `${who} ${name}`).toEqual([]);
      for (const d of details(value)) {
        expect(d.disclosure, `${who} ${name}`).toBe(level);
        expect((d.interview as { scores?: unknown } | null)?.scores ?? null, `${who} ${name} interview scores`).toBeNull();
        expect(
          (d.checks as { status: unknown; reason: unknown }[]).filter((c) => c.status !== null || c.reason !== null),
          `${who} ${name} check details`,
        ).toEqual([]);
        expect(
          fieldsWithValues(d.checks, ['requestedAt', 'dueOn', 'isOverdue', 'level', 'expiresOn', 'updatedBy']),
          `${who} ${name} check dates and levels`,
        ).toEqual([]);
        expect(
          (d.checks as { chasers: unknown[] }[]).filter((c) => c.chasers.length),
          `${who} ${name} check chasers`,
        ).toEqual([]);
        if (level === 'joiner') {
          expect([d.eligibility, d.interview, d.dateOfBirth, d.warrantNumber], `${who} ${name}`).toEqual([
            null,
            null,
            null,
            null,
          ]);
        }
      }
    }
    const unique = (xs: string[] = []) => [...new Set(xs)].sort();
    // Resourcing and the admin read everything where they work (the admin never triages; the outcome's
    // notes are on the case and its history).
    expect(unique(seen.resourcing)).toEqual(
      expect.arrayContaining([
        'applications.get:misconduct',
        'applications.get:eligibilityNotes',
        'applications.get:exception',
        'applications.get:checkReason',
        'applications.get:outcomeNotes',
        'applications.history:misconduct',
        'interviews.scorecards:evidence',
      ]),
    );
    expect(unique(seen.admin)).toEqual(
      expect.arrayContaining(['applications.get:misconduct', 'applications.history:checkReason']),
    );
    // The METCC lead and the panel member see the panel's evidence where the interview is scored, and nowhere else.
    expect(unique(seen.leadMetcc)).toEqual(['interviews.scorecards:evidence']);
    expect(unique(seen.panelMetcc)).toEqual(['interviews.scorecards:evidence']);
    expect(unique(seen.leadTsg)).toEqual([]);
    expect(unique(seen.coordinator)).toEqual([]);
  });

  it('a coordinator reads the joiner’s history without the selection in it, and a unit lead without the force’s records', async () => {
    const api = await setupApi();
    const at = await caseWithEverything(api);
    const types = async (who: Person) => (await api.as[who].applications.history({ id: at.id })).items.map((e) => e.type);
    expect(await types('coordinator')).toEqual(['moved', 'moved', 'moved', 'created']);
    const lead = await api.as.leadMetcc.applications.history({ id: at.id });
    expect(lead.items.map((e) => e.type)).toEqual(await types('resourcing'));
    const check = lead.items.find((e) => e.type === 'check_updated' && e.details.check === 'fitness_test');
    expect(check).toMatchObject({ reason: null, details: { clearance: 'cleared' } });
    const lead_ = await api.as.leadMetcc.applications.get({ id: at.id });
    expect(lead_.checks.find((c) => c.check === 'fitness_test')).toMatchObject({
      status: null,
      clearance: 'cleared',
      reason: null,
    });
    expect(lead_.interview).toMatchObject({ outcome: 'pass', scores: null, notes: null });
  });
});
