import type { AccessLogInput, AccessLogPage, MentorPoolInput, PoolMember, Reference, Settings } from '@muster/contracts';
import { accessLog, applications, forces, inductionCourses, mentors, users } from '@muster/db';
import {
  assertCanSee,
  checkTypes,
  hasRoom,
  londonDateTime,
  pipelineSteps,
  postingOf,
  rankMentors,
  routeCriteria,
  stageTargetDays,
  transfereeNoticeDays,
  unitCriteria,
  units,
  postingPlacesOf,
  metccRoles,
} from '@muster/domain';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@muster/db';
import type { ServiceCtx } from './service-ctx.ts';
import { loadApplication } from './application-store.ts';
import { poolLoad } from './mentor-pool.ts';
import { bookedColumn, waitingColumn } from './courses.ts';

/**
 * Everything the forms offer as choices, the pipeline's steps (who moves a case on from each open
 * stage) and the settings the dashboard shows in words. Static for the life of the process, apart
 * from courses and the pool.
 */
export function getReference(ctx: ServiceCtx): Reference {
  const { db } = ctx;
  // London's date: the courses offered are those from today on, as London counts days.
  const today = londonDateTime(ctx.now()).date;
  const settings: Settings = { triageSlaDays: ctx.config.triageSlaDays, transfereeNoticeDays, stageTargetDays };
  return {
    settings,
    pipeline: pipelineSteps(),
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      places: [...u.places],
      postingPlaces: [...postingPlacesOf(u.code)],
      postingRoles: u.code === 'METCC' ? [...metccRoles] : [],
      criteria: [...unitCriteria[u.code]],
    })),
    routeCriteria,
    checks: checkTypes.map((c) => ({ code: c.code, name: c.name, unit: c.unit })),
    forces: db
      .select({ name: forces.name })
      .from(forces)
      .where(eq(forces.isMet, false))
      .orderBy(forces.name)
      .all()
      .map((f) => f.name),
    inductionCourses: db
      .select({
        id: inductionCourses.id,
        startsOn: inductionCourses.startsOn,
        place: inductionCourses.place,
        capacity: inductionCourses.capacity,
        booked: bookedColumn,
        waiting: waitingColumn,
      })
      .from(inductionCourses)
      // A cancelled course is offered for no booking (courses.book refuses it too).
      .where(and(gte(inductionCourses.startsOn, today), eq(inductionCourses.status, 'scheduled')))
      .orderBy(inductionCourses.startsOn)
      .all(),
  };
}

/** The mentor and buddy pool with each person's current load (open cases at induction or mentoring). */
export function listMentors(db: Db) {
  return db
    .select({
      id: mentors.id,
      name: mentors.name,
      unit: mentors.unitCode,
      place: mentors.place,
      capacity: mentors.capacity,
      load: poolLoad,
    })
    .from(mentors)
    .where(eq(mentors.isActive, true))
    .orderBy(mentors.unitCode, mentors.name)
    .all();
}

/**
 * The pool with each person's load and whether they have room; for a case (`applicationId`, which
 * the actor must be able to see), in the order to suggest them for its posting.
 */
export function mentorPool(ctx: ServiceCtx, input: MentorPoolInput): PoolMember[] {
  const pool = listMentors(ctx.db)
    .filter((m) => !input?.unit || m.unit === input.unit)
    .map((m) => ({ ...m, hasRoom: hasRoom(m) }));
  if (!input?.applicationId) return pool;
  const { snapshot } = loadApplication(ctx.db, input.applicationId);
  assertCanSee(ctx.actor, snapshot);
  return rankMentors(pool, postingOf(snapshot));
}

/** Who viewed which case, newest first; for the admin. */
export function listAccessLog(ctx: ServiceCtx, input: AccessLogInput): AccessLogPage {
  const rows = ctx.db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      action: accessLog.action,
      applicationId: accessLog.applicationId,
      reference: applications.reference,
      userId: accessLog.userId,
      userName: users.name,
    })
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .innerJoin(applications, eq(applications.id, accessLog.applicationId))
    .where(
      and(
        input.applicationId ? eq(accessLog.applicationId, input.applicationId) : undefined,
        input.userId ? eq(accessLog.userId, input.userId) : undefined,
        input.before ? lt(accessLog.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(accessLog.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit);
  // A next page exists when one row more than the limit came back; the cursor is the last row shown.
  const lastShown = items.at(-1);
  return { items, nextBefore: rows.length > input.limit && lastShown ? lastShown.id : null };
}
