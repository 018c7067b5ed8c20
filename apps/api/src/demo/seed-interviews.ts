import type { UnitCode } from '@muster/contracts';
import { applications, interviewOutcomes, venues, type Db } from '@muster/db';
import { addDays, londonDateTime, type Actor } from '@muster/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { bookInterview, publishSlots } from '../services/interviews.ts';
import type { ServiceCtx } from '../services/service-ctx.ts';
import { demoSettings } from './demo-settings.ts';

type Person = Actor & { name: string };

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
  const venueOf = (unit: UnitCode) => {
    const v = db.select().from(venues).where(eq(venues.unitCode, unit)).get();
    if (!v) throw new Error(`no venue for ${unit}`);
    return v.id;
  };
  const plans = [
    { unit: 'METCC' as const, lead: people.metccLead, panel: [people.metccLead.id, people.metccPanel.id] },
    { unit: 'TSG' as const, lead: people.tsgLead, panel: [people.tsgLead.id] },
  ];
  for (const { unit, lead, panel } of plans) {
    const slots = publishSlots(as(lead), {
      unit,
      venueId: venueOf(unit),
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
      .where(and(eq(applications.stage, 'interview'), eq(applications.targetUnit, unit), isNull(interviewOutcomes.applicationId)))
      .orderBy(asc(applications.stageEnteredAt))
      .all();
    for (const [i, c] of waiting.slice(0, Math.ceil(waiting.length / 2)).entries()) {
      const slot = slots[i];
      if (!slot) break;
      bookInterview(as(lead), { id: c.id, expectedVersion: c.version, slotId: slot.id });
    }
  }
}
