import { openStages, type OpenStage } from '@muster/contracts';
import { applications, interviewOutcomes, interviews, interviewSlots, users } from '@muster/db';
import { count, eq, gt, lt } from 'drizzle-orm';
import { createTestDb } from '@muster/db/testing';
import { daysBetween, stageTargetDays } from '@muster/domain';
import { describe, expect, it } from 'vitest';
import { seedDemoData } from './seed-demo.ts';

describe('demo data', () => {
  it('looks like a working week: most open cases within their stage’s target, some overdue, in every stage', async () => {
    const db = createTestDb();
    const today = new Date('2026-12-02T09:00:00Z');
    await seedDemoData(db, { count: 200, today });
    const open = db
      .select({ stage: applications.stage, stageEnteredAt: applications.stageEnteredAt })
      .from(applications)
      .all()
      .filter((c): c is { stage: OpenStage; stageEnteredAt: string } => (openStages as readonly string[]).includes(c.stage));
    const days = (c: { stageEnteredAt: string }) => daysBetween(c.stageEnteredAt, today.toISOString());
    // The board marks a card overdue past its stage's target, by the same numbers it is served.
    const overdue = open.filter((c) => days(c) > stageTargetDays[c.stage]);
    expect(open.length).toBeGreaterThan(100);
    expect(overdue.length / open.length).toBeGreaterThan(0.02);
    expect(overdue.length / open.length).toBeLessThan(0.15);
    for (const stage of openStages) {
      const here = open.filter((c) => c.stage === stage);
      expect(here.length, stage).toBeGreaterThan(0);
      expect(here.filter((c) => days(c) <= stageTargetDays[stage]).length, stage).toBeGreaterThan(here.length / 2);
    }
    expect(open.every((c) => c.stageEnteredAt <= today.toISOString())).toBe(true);

    // The interviewers' week: slots ahead for METCC and TSG, and cases booked into some of them; every
    // interview before today attended and scored (the only way to an outcome).
    const ahead = db
      .selectDistinct({ unit: interviewSlots.unitCode })
      .from(interviewSlots)
      .where(gt(interviewSlots.startsAt, today.toISOString()))
      .all();
    expect(ahead.map((s) => s.unit)).toEqual(expect.arrayContaining(['METCC', 'TSG']));
    const held = db
      .select({ status: interviews.status, n: count() })
      .from(interviews)
      .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
      .where(lt(interviewSlots.startsAt, today.toISOString()))
      .groupBy(interviews.status)
      .all();
    expect(held).toEqual([{ status: 'attended', n: expect.any(Number) }]);
    expect(db.select({ n: count() }).from(interviewOutcomes).get()?.n).toBe(held[0]?.n);
    const booked = db
      .select({ unit: interviewSlots.unitCode, startsAt: interviewSlots.startsAt })
      .from(interviews)
      .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
      .where(eq(interviews.status, 'booked'))
      .all();
    expect(booked.map((b) => b.unit)).toContain('METCC');
    expect(booked.every((b) => b.startsAt > today.toISOString())).toBe(true);
    expect(
      db
        .select()
        .from(users)
        .where(eq(users.role, 'panel_member'))
        .all()
        .map((u) => u.email),
    ).toEqual(['panel.metcc@muster.test']);
  }, 60_000);
});
