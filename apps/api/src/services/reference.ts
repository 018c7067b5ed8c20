import type { AccessLogInput, AccessLogPage, MentorPoolInput, PoolMember, Reference, Settings } from '@muster/contracts';
import { accessLog, applications, forces, inductionCourses, mentors, users } from '@muster/db';
import {
  assertCanSee,
  checkTypes,
  hasRoom,
  mentoredStages,
  pipelineSteps,
  postingOf,
  rankMentors,
  routeCriteria,
  stageTargetDays,
  transfereeNoticeDays,
  unitCriteria,
  units,
} from '@muster/domain';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '@muster/db';
import type { ServiceCtx } from './service-ctx.ts';
import { loadApplication } from './application-store.ts';

/**
 * Everything the forms offer as choices, the pipeline's steps (who moves a case on from each open
 * stage) and the settings the dashboard shows in words. Static for the life of the process, apart
 * from courses and the pool.
 */
export function getReference(ctx: ServiceCtx): Reference {
  const { db } = ctx;
  const today = ctx.now().toISOString().slice(0, 10);
  const settings: Settings = { triageSlaDays: ctx.config.triageSlaDays, transfereeNoticeDays, stageTargetDays };
  return {
    settings,
    pipeline: pipelineSteps(),
    units: units.map((u) => ({ code: u.code, name: u.name, places: [...u.places], criteria: [...unitCriteria[u.code]] })),
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
        // Column references inside a raw subquery must be table-qualified: drizzle prints them bare here.
        booked: sql<number>`(SELECT count(*) FROM induction_bookings b WHERE b.course_id = induction_courses.id)`,
      })
      .from(inductionCourses)
      .where(gte(inductionCourses.startsOn, today))
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
      load: sql<number>`(SELECT count(*) FROM applications a WHERE (a.mentor_id = mentors.id OR a.buddy_id = mentors.id) AND a.stage IN (${sql.join(
        mentoredStages.map((stage) => sql`${stage}`),
        sql`, `,
      )}))`,
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
  const pool = listMentors(ctx.db).map((m) => ({ ...m, hasRoom: hasRoom(m) }));
  if (!input) return pool;
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
