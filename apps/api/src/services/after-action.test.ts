import { eventTypes, type ApplicationDetail, type UnitCode } from '@muster/contracts';
import { buildApplication } from '@muster/db/testing';
import { DomainError, requiredChecks, routeCriteria, unitCriteria } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { clearForceRecords, closeReasonIds, interviewOutcome, recordTsgPreAssessment, setupApi } from '../testing.ts';
import { changeWords, whenWords } from './change-words.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

/** Callers whose clock reads just after the case's latest interview ended (the test's clock left where it is). */
const afterInterview = (api: Api, c: ApplicationDetail) =>
  api.asAt(new Date(Math.max(...c.interviewBookings.map((b) => Date.parse(b.endsAt))) + 60_000));

/** A transferee for `unit` through review to interview, recorded and moved by resourcing. */
async function atInterview(api: Api, unit: UnitCode = 'METCC'): Promise<ApplicationDetail> {
  const r = api.as.resourcing.applications;
  let c = await r.create(buildApplication({ route: 'transferee', targetUnit: unit }));
  c = await r.recordEligibility({
    ...clearForceRecords,
    id: c.id,
    expectedVersion: c.version,
    targetUnit: unit,
    criteria: Object.fromEntries(routeCriteria.transferee.map((k) => [k.code, true])),
    unitCriteria: Object.fromEntries(unitCriteria[unit].map((k) => [k.code, true])),
  });
  if (unit === 'TSG') c = await recordTsgPreAssessment(api, c);
  return r.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
}

async function atPreEmployment(api: Api, unit: UnitCode): Promise<ApplicationDetail> {
  const r = api.as.resourcing.applications;
  let c = await atInterview(api, unit);
  c = await interviewOutcome(api, c, 'pass');
  return r.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
}

const primaryOf = (c: ApplicationDetail) => c.nextMoves.filter((m) => m.isPrimary).map((m) => m.to);

/** A refused call as the client gets it: the tRPC code, the message and the data the error formatter passes on. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { code: err.code, message: err.message, ...(err.cause instanceof DomainError ? err.cause.details : {}) };
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}

describe('the primary move, as the server decides it', () => {
  it('after a failed interview is rejecting, for resourcing and the unit lead alike; after a pass, moving on', async () => {
    const api = await setupApi();
    let c = await atInterview(api);
    expect(primaryOf(c)).toEqual(['pre_employment']);

    c = await interviewOutcome(api, c, 'fail', 'leadMetcc');
    expect(primaryOf(c)).toEqual(['rejected']);
    expect(c.nextMoves.find((m) => m.to === 'pre_employment')).toMatchObject({
      isPrimary: false,
      unmet: [{ code: 'interview.failed' }],
    });
    expect(primaryOf(await api.as.resourcing.applications.get({ id: c.id }))).toEqual(['rejected']);

    // The lead records the outcome again, from the same scorecards.
    c = await afterInterview(api, c).leadMetcc.interviews.recordOutcome({
      id: c.id,
      expectedVersion: c.version,
      outcome: 'pass',
    });
    expect(primaryOf(c)).toEqual(['pre_employment']);
  });

  it('on a rejected case is reopening it', async () => {
    const api = await setupApi();
    let c = await atInterview(api);
    c = await api.as.resourcing.applications.move({
      id: c.id,
      expectedVersion: c.version,
      to: 'rejected',
      reasonId: closeReasonIds.rejected,
    });
    expect(primaryOf(c)).toEqual(['interview']);
  });
});

describe('what a write did, on the case it returns (lastChange)', () => {
  it('names each write in words, by whom and when', async () => {
    const api = await setupApi();
    const r = api.as.resourcing.applications;
    let c = await atInterview(api);
    expect(c.lastChange).toEqual({
      by: 'Rita Resourcing',
      at: '2026-11-23T10:00:00.000Z',
      type: 'moved',
      summary: 'Moved to interview',
    });

    c = await interviewOutcome(api, c, 'pass', 'leadMetcc');
    expect(c.lastChange).toMatchObject({
      by: 'Mo METCC Lead',
      type: 'interview_recorded',
      summary: 'Interview recorded: passed',
    });

    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
    expect(c.lastChange?.summary).toBe('Moved to pre-employment');

    c = await r.addNote({ id: c.id, expectedVersion: c.version, body: 'Called the officer.' });
    expect(c.lastChange).toMatchObject({ type: 'note_added', summary: 'Note added' });
  });

  it('a failed interview reads as such', async () => {
    const api = await setupApi();
    let c = await atInterview(api);
    c = await interviewOutcome(api, c, 'fail');
    expect(c.lastChange?.summary).toBe('Interview recorded: failed');
  });
});

describe('a TSG re-route, on the case (reroute)', () => {
  it('failing Level 2 gives from, to, when and why; nothing before, nothing for a standard check', async () => {
    const api = await setupApi();
    const r = api.as.resourcing.applications;
    let c = await atPreEmployment(api, 'TSG');
    expect(c.reroute).toBeNull();

    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'fitness_test',
      status: 'failed',
      reason: 'Missed it.',
    });
    expect(c.reroute).toBeNull();

    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'level2_public_order',
      status: 'failed',
      reason: 'Did not complete the course.',
    });
    expect(c.reroute).toEqual({
      from: 'TSG',
      to: 'BCU',
      at: '2026-11-23T10:00:00.000Z',
      reason: expect.stringMatching(/failed: TSG requires it, so the officer will be posted to a BCU instead\.$/),
    });
    // The write the user made is the check; the re-route follows from it.
    expect(c.lastChange).toMatchObject({ type: 'check_updated', summary: 'Level 2 public order course: failed' });
    // Still there for anyone opening the case later, and after further writes.
    c = await r.addNote({ id: c.id, expectedVersion: c.version, body: 'Told the officer.' });
    expect((await api.as.admin.applications.get({ id: c.id })).reroute).toMatchObject({ from: 'TSG', to: 'BCU' });
  });

  it('is not reported for a failed check off TSG', async () => {
    const api = await setupApi();
    const c = await atPreEmployment(api, 'METCC');
    const check = requiredChecks('transferee', 'METCC')[0]!.code;
    const after = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check,
      status: 'failed',
      reason: 'Did not pass.',
    });
    expect(after.reroute).toBeNull();
  });
});

describe('a stale write: who changed the case, when, and what (CONFLICT)', () => {
  it('says who did what and when, in words, with the data to match and the current card', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication());
    const noted = await api.as.resourcing.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Phoned.' });

    const err = await refusal(api.as.resourcing.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Late.' }));
    expect(err).toMatchObject({
      code: 'CONFLICT',
      current: { id: c.id, version: noted.version, stage: 'review' },
      lastChange: { by: 'Rita Resourcing', at: '2026-11-23T10:00:00.000Z', type: 'note_added', summary: 'Note added' },
      otherChanges: 0,
    });
    // A change made today (by the services' clock) says its time; one on an earlier day says its day too.
    expect(err.message).toBe(
      'Someone else changed this case: Rita Resourcing added a note at 10:00. Look at it again before you carry on.',
    );
    api.clock.now = new Date('2026-11-24T09:00:00Z');
    const nextDay = await refusal(
      api.as.resourcing.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Late.' }),
    );
    expect(nextDay.message).toMatch(
      /^Someone else changed this case: Rita Resourcing added a note on 23 November 2026 at 10:00\./,
    );
    expect(err.message).not.toMatch(/version/);
  });

  it('today says the time alone, in UK time; several changes name the latest and count the others', async () => {
    const now = new Date();
    const api = await setupApi({ now });
    const r = api.as.resourcing.applications;
    let c = await atInterview(api);
    const stale = c.version;
    // The interview held since: booked, attended, and its outcome (a fail) recorded by the lead.
    c = await interviewOutcome(api, c, 'fail', 'leadMetcc');
    c = await api.as.leadMetcc.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Told them.' });
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'rejected', reasonId: closeReasonIds.rejected });

    const err = await refusal(r.addNote({ id: c.id, expectedVersion: stale, body: 'Late.' }));
    const time = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/London',
    });
    // The other changes: the booking, the attendance, the outcome and the note.
    expect(err).toMatchObject({ code: 'CONFLICT', lastChange: { by: 'Rita Resourcing', type: 'rejected' }, otherChanges: 4 });
    expect(err.message).toBe(
      `Someone else changed this case: Rita Resourcing rejected the case at ${time.format(now)}, and 4 other changes were made before that. Look at it again before you carry on.`,
    );
  });

  it('a move and a bulk action say it the same way', async () => {
    const api = await setupApi();
    const c = await atInterview(api);
    await api.as.leadMetcc.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Booked.' });
    const move = await refusal(
      api.as.resourcing.applications.move({
        id: c.id,
        expectedVersion: c.version,
        to: 'withdrawn',
        reasonId: closeReasonIds.withdrawn,
      }),
    );
    expect(move).toMatchObject({ code: 'CONFLICT', lastChange: { by: 'Mo METCC Lead', type: 'note_added' } });
    expect(move.message).toMatch(/^Someone else changed this case: Mo METCC Lead added a note at 10:00\./);
    const bulk = await refusal(
      api.as.resourcing.applications.bulkReject({
        cases: [{ id: c.id, expectedVersion: c.version }],
        reasonId: closeReasonIds.rejected,
      }),
    );
    expect(bulk).toMatchObject({ refused: [{ code: 'case.changed', message: move.message }] });
  });
});

describe('change words', () => {
  it('name every event type, each its own way', () => {
    const all = eventTypes.map((type) => changeWords({ type, fromStage: 'review', toStage: 'interview', details: {} }));
    for (const w of all) expect(w.done && w.did).toBeTruthy();
    expect(new Set(all.map((w) => w.done)).size).toBe(eventTypes.length);
  });

  it('say when in UK time: the time alone today, the day and time before', () => {
    const now = new Date('2026-07-01T20:00:00Z');
    expect(whenWords('2026-07-01T09:42:00Z', now)).toBe('at 10:42');
    expect(whenWords('2026-06-30T23:30:00Z', now)).toBe('at 00:30'); // already 1 July in London
    expect(whenWords('2026-06-30T09:42:00Z', now)).toBe('on 30 June 2026 at 10:42');
    expect(whenWords('2026-01-05T09:42:00Z', new Date('2026-01-05T12:00:00Z'))).toBe('at 09:42');
  });

  it.each([
    [{ type: 'note_added', fromStage: null, toStage: null, details: {} }, 'Note added', 'added a note'],
    [
      { type: 'moved', fromStage: 'interview', toStage: 'pre_employment', details: {} },
      'Moved to pre-employment',
      'moved the case to pre-employment',
    ],
    [
      { type: 'interview_recorded', fromStage: null, toStage: null, details: { outcome: 'fail' } },
      'Interview recorded: failed',
      'recorded the interview as failed',
    ],
    [
      { type: 'rerouted', fromStage: null, toStage: null, details: { fromUnit: 'TSG', toUnit: 'BCU' } },
      'Re-routed from TSG to BCU',
      're-routed the case from TSG to BCU',
    ],
  ] as const)('%o → %s / %s', (e, done, did) => {
    expect(changeWords({ ...e, details: { ...e.details } })).toEqual({ done, did });
  });
});
