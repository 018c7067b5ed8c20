import { openStages, type OpenStage } from '@muster/contracts';
import { applications, interviews, interviewSlots, users } from '@muster/db';
import { eq } from 'drizzle-orm';
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

    // The interviewers' week: slots ahead for METCC and TSG, and cases booked into some of them.
    const booked = db
      .select({ unit: interviewSlots.unitCode, startsAt: interviewSlots.startsAt })
      .from(interviews)
      .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
      .where(eq(interviews.status, 'booked'))
      .all();
    expect(new Set(booked.map((b) => b.unit))).toEqual(new Set(['METCC', 'TSG']));
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
