/**
 * Interviews at scale: on a copy of the bench database (50,000 cases), a year of weekday slots for
 * every unit (about 10,000, five a day, panels of two from three panel members per unit), then every
 * case at interview booked into a free slot of its unit through the real service, with its clash
 * check; and the agenda of a unit lead and of resourcing. The floor is the clash check's own reads
 * as hand-written prepared statements.
 */
import { unitCodes, type UnitCode } from '../../packages/contracts/src/index.ts';
import type { Db } from '../../packages/db/src/index.ts';
import { addDays, londonDateTime } from '../../packages/domain/src/index.ts';
import { demoSettings } from '../../apps/api/src/demo/demo-settings.ts';
import { insertUser } from '../../apps/api/src/services/auth.ts';
import { agenda, bookInterview, publishSlots } from '../../apps/api/src/services/interviews.ts';
import type { ServiceCtx } from '../../apps/api/src/services/service-ctx.ts';
import { nowMs, summarise, timeSync, type Latency } from './stats.ts';

export type InterviewFigures = {
  slots: number;
  publishMs: number;
  booked: number;
  refused: number;
  book: Latency;
  bookFloor: Latency;
  agendaLead: Latency;
  agendaResourcing: Latency;
};

export function benchInterviews(db: Db, opts: { days: number; iterations: number }): InterviewFigures {
  const sqlite = db.$client;
  const now = new Date();
  const resourcing = sqlite.prepare("SELECT id, name FROM users WHERE role = 'resourcing' ORDER BY id").get() as
    { id: number; name: string } | undefined;
  if (!resourcing) throw new Error('the bench database has no resourcing user');
  const ctxOf = (actor: ServiceCtx['actor']): ServiceCtx => ({ db, config: demoSettings, actor, now: () => now });
  const res = ctxOf({ id: resourcing.id, role: 'resourcing', units: [], name: resourcing.name });

  // Three panel members per unit, each at most six interviews a day.
  const panels = new Map<UnitCode, number[]>();
  for (const unit of unitCodes) {
    panels.set(
      unit,
      [1, 2, 3].map((n) => {
        const id = insertUser(db, {
          email: `bench.panel.${unit.toLowerCase()}.${n}@muster.test`,
          name: `Bench ${unit} panel ${n}`,
          role: 'panel_member',
          units: [unit],
          passwordHash: 'x',
        });
        sqlite.prepare('UPDATE users SET max_interviews_per_day = 6 WHERE id = ?').run(id);
        return id;
      }),
    );
  }
  const venue = sqlite.prepare('SELECT id FROM venues ORDER BY id').get() as { id: number } | undefined;
  if (!venue) throw new Error('no venue');
  const today = londonDateTime(now).date;
  const weekdays = Array.from({ length: opts.days }, (_, i) => addDays(today, i + 1)).filter(
    (d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
  );

  // A year of slots: per unit, 31 days at a time (the most one publish takes), 09:00–16:30 every 90 minutes.
  const t0 = nowMs();
  const free = new Map<UnitCode, number[]>();
  let slots = 0;
  for (const unit of unitCodes) {
    const [a, b, c] = panels.get(unit) ?? [];
    if (a === undefined || b === undefined || c === undefined) throw new Error('three panel members');
    const ids: number[] = [];
    for (let i = 0; i < weekdays.length; i += 31) {
      // Rotate the panel so each member sits on about two thirds of the slots.
      const panel = [
        [a, b],
        [b, c],
        [a, c],
      ][(i / 31) % 3] ?? [a, b];
      const published = publishSlots(res, {
        unit,
        venueId: venue.id,
        panel,
        dates: weekdays.slice(i, i + 31),
        startTime: '09:00',
        lengthMinutes: 90,
        repeat: { until: '16:30', everyMinutes: 90 },
      });
      ids.push(...published.map((s) => s.id));
    }
    slots += ids.length;
    free.set(unit, ids);
  }
  const publishMs = nowMs() - t0;

  // Every case at interview with no outcome, booked into the next free slot of its unit.
  const waiting = sqlite
    .prepare(
      `SELECT a.id, a.version, a.target_unit AS unit FROM applications a
       WHERE a.stage = 'interview' AND NOT EXISTS (SELECT 1 FROM interview_outcomes o WHERE o.application_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.application_id = a.id AND i.status = 'booked')
       ORDER BY a.id`,
    )
    .all() as { id: number; version: number; unit: UnitCode | null }[];
  const samples: number[] = [];
  let booked = 0;
  let refused = 0;
  for (const c of waiting) {
    const slot = c.unit ? free.get(c.unit)?.shift() : undefined;
    if (slot === undefined) continue;
    const t = nowMs();
    try {
      bookInterview(res, { id: c.id, expectedVersion: c.version, slotId: slot });
      booked++;
    } catch {
      refused++;
    }
    samples.push(nowMs() - t);
  }

  // The floor: the clash check's reads for one booking (the slot, its panel, their seats, the candidate's booking).
  const slotStmt = sqlite.prepare('SELECT * FROM interview_slots s JOIN venues v ON v.id = s.venue_id WHERE s.id = ?');
  const panelStmt = sqlite.prepare(
    'SELECT u.id, u.name, u.max_interviews_per_day FROM slot_panel p JOIN users u ON u.id = p.user_id WHERE p.slot_id = ?',
  );
  const seatsStmt = sqlite.prepare(
    'SELECT user_id, starts_at, ends_at FROM panel_seats WHERE user_id IN (?, ?) AND interview_id NOT IN (SELECT id FROM interviews WHERE slot_id = ?)',
  );
  const bookedStmt = sqlite.prepare("SELECT id FROM interviews WHERE application_id = ? AND status = 'booked'");
  const someSlots = [...free.values()].flat().slice(0, 500);
  const bookFloor = summarise(
    timeSync(
      (i) => {
        const id = someSlots[i % someSlots.length];
        slotStmt.get(id);
        const panel = panelStmt.all(id) as { id: number }[];
        seatsStmt.all(panel[0]?.id ?? 0, panel[1]?.id ?? 0, id);
        bookedStmt.get(waiting[i % waiting.length]?.id ?? 0);
      },
      opts.iterations,
      50,
    ),
  );

  const lead = sqlite.prepare("SELECT id, name FROM users WHERE role = 'unit_lead' ORDER BY id").get() as
    { id: number; name: string } | undefined;
  const leadUnits = lead
    ? (sqlite.prepare('SELECT unit_code FROM user_units WHERE user_id = ?').all(lead.id) as { unit_code: UnitCode }[]).map(
        (u) => u.unit_code,
      )
    : (['METCC'] as UnitCode[]);
  const leadCtx = ctxOf({ id: lead?.id ?? resourcing.id, role: 'unit_lead', units: leadUnits, name: lead?.name ?? 'Lead' });
  const agendaLead = summarise(timeSync(() => agenda(leadCtx), Math.min(opts.iterations, 300), 20));
  const agendaResourcing = summarise(timeSync(() => agenda(res), Math.min(opts.iterations, 300), 20));
  return { slots, publishMs, booked, refused, book: summarise(samples), bookFloor, agendaLead, agendaResourcing };
}
