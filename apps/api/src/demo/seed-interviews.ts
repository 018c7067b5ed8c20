import type { ApplicationDetail, UnitCode } from '@muster/contracts';
import { applications, interviewOutcomes, interviews, panelSeats, users, venues, type Db } from '@muster/db';
import { addDays, defaultScorecardCriteria, londonDateTime, londonInstant, type Actor } from '@muster/domain';
import { and, asc, count, eq, isNull, notExists } from 'drizzle-orm';
import { bookInterview, publishSlots, recordAttendance } from '../services/interviews.ts';
import { recordOutcome, submitScorecard } from '../services/scorecards.ts';
import type { ServiceCtx } from '../services/service-ctx.ts';
import { demoSettings } from './demo-settings.ts';

type Person = Actor & { name: string };

/** The unit's own venue, else a central one (units without a base of their own interview there). */
const venueOf = (db: Db, unit: UnitCode) => {
  const v =
    db.select().from(venues).where(eq(venues.unitCode, unit)).get() ??
    db.select().from(venues).where(isNull(venues.unitCode)).orderBy(asc(venues.id)).get();
  if (!v) throw new Error(`no venue for ${unit}`);
  return v.id;
};

/** A day's interview times, one hour each from 09:00: the first as many as the interviewer's daily maximum. */
const dayTimes = Array.from({ length: 12 }, (_, i) => `${String(9 + i).padStart(2, '0')}:00`);

/**
 * A case's interview as it happened, through the services at each moment: a slot on the first weekday
 * after `from` when the interviewer (alone on the panel) is under their daily maximum, published and booked at
 * `from`; attended, scored and decided soon after it ended. Returns the case and when the outcome was
 * recorded — or the case still booked, when that would be after `latest`.
 */
export function holdInterview(
  db: Db,
  interviewer: Person,
  c: ApplicationDetail,
  at: { from: number; latest: number },
  outcome: { outcome: 'pass' | 'fail'; score: () => number; notes: string },
): { c: ApplicationDetail; at: number } {
  const as = (t: number): ServiceCtx => ({ db, config: demoSettings, actor: interviewer, now: () => new Date(t) });
  const unit = c.targetUnit;
  if (!unit) throw new Error(`${c.reference} is at interview without a target unit`);
  const most = db.select({ n: users.maxInterviewsPerDay }).from(users).where(eq(users.id, interviewer.id)).get()?.n ?? 0;
  const times = dayTimes.slice(0, most);
  let day = addDays(londonDateTime(new Date(at.from)).date, 1);
  let time: string | undefined;
  for (;;) {
    const isWeekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
    const seats =
      db
        .select({ n: count() })
        .from(panelSeats)
        .where(and(eq(panelSeats.userId, interviewer.id), eq(panelSeats.day, day)))
        .get()?.n ?? 0;
    time = isWeekend ? undefined : times[seats];
    if (time) break;
    day = addDays(day, 1);
  }
  const [slot] = publishSlots(as(at.from), {
    unit,
    venueId: venueOf(db, unit),
    panel: [interviewer.id],
    dates: [day],
    startTime: time,
    lengthMinutes: 60,
  });
  if (!slot) throw new Error('no slot published');
  let d = bookInterview(as(at.from), { id: c.id, expectedVersion: c.version, slotId: slot.id });
  const ended = Date.parse(londonInstant(day, time)) + 3_600_000;
  const decided = ended + 2 * 3_600_000;
  if (decided > at.latest) return { c: d, at: at.from };
  d = recordAttendance(as(ended + 600_000), { id: d.id, expectedVersion: d.version, attended: true });
  const interviewId = d.interviewBookings.find((b) => b.status === 'attended')?.id ?? 0;
  const scores = Object.fromEntries(defaultScorecardCriteria.map((k) => [k.code, outcome.score()]));
  submitScorecard(as(ended + 1_800_000), {
    interviewId,
    scores,
    evidence: { [defaultScorecardCriteria[0]?.code ?? '']: outcome.notes },
  });
  d = recordOutcome(as(decided), { id: d.id, expectedVersion: d.version, outcome: outcome.outcome });
  return { c: d, at: decided };
}

/**
 * The next two weeks of interviews, as the leads would have set them up: mornings of 90-minute slots
 * on weekdays for METCC (the lead and the panel member) and TSG (the lead), and about half the cases
 * waiting at interview booked into them, through the real services and their clash rules.
 */
export function seedInterviews(
  db: Db,
  people: { resourcing: Person; tsgLead: Person; metccLead: Person; metccPanel: Person },
  today: Date,
  rand: { next(): number },
) {
  const as = (actor: Person): ServiceCtx => ({ db, config: demoSettings, actor, now: () => today });
  const weekdays = Array.from({ length: 14 }, (_, i) => addDays(londonDateTime(today).date, i + 1)).filter(
    (d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
  );
  const plans = [
    { unit: 'METCC' as const, lead: people.metccLead, panel: [people.metccLead.id, people.metccPanel.id] },
    { unit: 'TSG' as const, lead: people.tsgLead, panel: [people.tsgLead.id] },
  ];
  for (const { unit, lead, panel } of plans) {
    const slots = publishSlots(as(lead), {
      unit,
      venueId: venueOf(db, unit),
      panel,
      dates: weekdays.filter(() => rand.next() < 0.6),
      startTime: '09:00',
      lengthMinutes: 90,
      repeat: { until: '13:00', everyMinutes: 90 },
    });
    const waiting = db
      .select({ id: applications.id, version: applications.version })
      .from(applications)
      .leftJoin(interviewOutcomes, eq(interviewOutcomes.applicationId, applications.id))
      .where(
        and(
          eq(applications.stage, 'interview'),
          eq(applications.targetUnit, unit),
          isNull(interviewOutcomes.applicationId),
          notExists(
            db
              .select({ id: interviews.id })
              .from(interviews)
              .where(and(eq(interviews.applicationId, applications.id), eq(interviews.status, 'booked'))),
          ),
        ),
      )
      .orderBy(asc(applications.stageEnteredAt))
      .all();
    for (const [i, c] of waiting.slice(0, Math.ceil(waiting.length / 2)).entries()) {
      const slot = slots[i];
      if (!slot) break;
      bookInterview(as(lead), { id: c.id, expectedVersion: c.version, slotId: slot.id });
    }
  }
}
