import type { CoordinationHome, WaitingJoiner } from '@muster/contracts';
import { applications, inductionBookings } from '@muster/db';
import {
  addDays,
  assertMayUseCoordination,
  byFullness,
  canSee,
  homeCourseDays,
  joinerNeeds,
  londonDateTime,
  mentoredStages,
  stageAge,
} from '@muster/domain';
import { and, asc, count, inArray, isNull, or, sql } from 'drizzle-orm';
import { cardColumns } from './application-store.ts';
import { listCourses } from './courses.ts';
import { upcomingDevelopmentDays } from './development-days.ts';
import { listPool } from './mentor-pool.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * The coordinator's home: what needs them now, read in one go. What a joiner still needs is the
 * board's rule (joinerNeeds, over the board's own card columns), so the two never disagree.
 */

/** How many waiting joiners the home lists (the count says how many there are). */
export const joinerLimit = 100;

const noBooking = sql`not exists (select 1 from ${inductionBookings} where ${inductionBookings.applicationId} = ${applications.id})`;

export function coordinationHome(ctx: ServiceCtx): CoordinationHome {
  assertMayUseCoordination(ctx.actor);
  const now = ctx.now();
  const today = londonDateTime(now).date;
  const waiting = and(
    inArray(applications.stage, [...mentoredStages]),
    or(isNull(applications.mentorId), isNull(applications.buddyId), noBooking),
  );
  const rows = ctx.db
    .select(cardColumns)
    .from(applications)
    .where(waiting)
    .orderBy(asc(applications.stageEnteredAt), asc(applications.id))
    .limit(joinerLimit)
    .all();
  const joiners = rows
    .filter((r) => canSee(ctx.actor, r))
    .map((r): WaitingJoiner => {
      const age = stageAge(r, now);
      return {
        applicationId: r.id,
        reference: r.reference,
        name: `${r.firstName} ${r.lastName}`,
        stage: r.stage,
        targetUnit: r.targetUnit,
        stageEnteredAt: r.stageEnteredAt,
        daysWaiting: age.daysInStage,
        isOverdue: age.isOverdue,
        needs: joinerNeeds(r),
      };
    });
  const total = ctx.db.select({ n: count() }).from(applications).where(waiting).get()?.n ?? 0;
  const until = addDays(today, homeCourseDays);
  return {
    joiners,
    joinersWaiting: total,
    courses: listCourses(ctx, {})
      .filter((c) => c.startsOn <= until)
      .map(({ id, startsOn, place, capacity, booked }) => ({ id, startsOn, place, capacity, booked })),
    mentors: listPool(ctx, {})
      .map(({ id, name, unit, kind, load, capacity, isPaused, hasRoom }) => ({ id, name, unit, kind, load, capacity, isPaused, hasRoom }))
      .sort(byFullness),
    developmentDays: upcomingDevelopmentDays(ctx).map(({ id, heldOn, place, title, invited, attended, toInvite }) => ({
      id,
      heldOn,
      place,
      title,
      invited,
      attended,
      toInvite,
    })),
  };
}
