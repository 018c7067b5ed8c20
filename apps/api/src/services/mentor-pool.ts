import type {
  CreateMentorInput,
  MentorsListInput,
  MentorSuggestions,
  PoolChange,
  PoolPerson,
  SuggestMentorsInput,
  UpdateMentorInput,
} from '@muster/contracts';
import { interviews, mentors, panelSeats, users } from '@muster/db';
import {
  assertCurrentVersion,
  assertCapacityCoversLoad,
  assertMay,
  assertPoolPerson,
  DomainError,
  excludedFromBoth,
  fieldProblems,
  hasRoom,
  mentoredStages,
  postingOf,
  suggestMentors,
} from '@muster/domain';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { loadApplication, type Tx } from './application-store.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * The mentor and buddy pool, kept by coordinators and the admin. Who may call what is the router's
 * (the domain's `poolRoles`); whether a case's suggestions may be read is checked here, on the case.
 */

/** How many open cases (induction, mentoring) have the person as mentor or buddy: what counts against capacity. */
export const poolLoad = sql<number>`(SELECT count(*) FROM applications a WHERE (a.mentor_id = mentors.id OR a.buddy_id = mentors.id) AND a.stage IN (${sql.join(
  mentoredStages.map((stage) => sql`${stage}`),
  sql`, `,
)}))`;

const personColumns = {
  id: mentors.id,
  name: mentors.name,
  unit: mentors.unitCode,
  place: mentors.place,
  capacity: mentors.capacity,
  kind: mentors.kind,
  isPaused: mentors.isPaused,
  isActive: mentors.isActive,
  load: poolLoad,
  version: mentors.version,
  userId: mentors.userId,
};

function peopleWhere(tx: Tx, where: SQL | undefined): PoolPerson[] {
  return tx
    .select(personColumns)
    .from(mentors)
    .where(where)
    .orderBy(asc(mentors.name), asc(mentors.id))
    .all()
    .map((p) => ({ ...p, hasRoom: hasRoom(p) }));
}

function personOf(tx: Tx, id: number): PoolPerson | undefined {
  return peopleWhere(tx, eq(mentors.id, id))[0];
}

/** The pool by name: one unit's people, or everyone; retired people only when asked for. */
export function listPool(ctx: ServiceCtx, input: MentorsListInput): PoolPerson[] {
  return peopleWhere(
    ctx.db,
    and(input.unit ? eq(mentors.unitCode, input.unit) : undefined, input.includeRetired ? undefined : eq(mentors.isActive, true)),
  );
}

/** Refuses an account link to no active user. */
function assertAccount(tx: Tx, userId: number | null | undefined): void {
  if (userId === null || userId === undefined) return;
  const user = tx.select({ isActive: users.isActive }).from(users).where(eq(users.id, userId)).get();
  if (!user?.isActive) {
    throw fieldProblems([{ field: 'userId', code: 'pool.user_unknown', message: 'Choose an active Muster account, or none.' }]);
  }
}

const joiners = (n: number) => (n === 1 ? '1 joiner' : `${n} joiners`);

export function createMentor(ctx: ServiceCtx, input: CreateMentorInput): PoolChange {
  return ctx.db.transaction(
    (tx) => {
      assertPoolPerson(input);
      assertAccount(tx, input.userId);
      const { id } = tx
        .insert(mentors)
        .values({
          name: input.name,
          unitCode: input.unit,
          place: input.place,
          capacity: input.capacity,
          kind: input.kind,
          userId: input.userId,
        })
        .returning({ id: mentors.id })
        .get();
      const person = personOf(tx, id);
      if (!person) throw new Error('the person was not written');
      return { person, summary: `${person.name} added to the pool.`, joinersStillAssigned: 0 };
    },
    { behavior: 'immediate' },
  );
}

/** What a change did, in the words the dashboard shows after it. */
function summaryOf(before: PoolPerson, after: PoolPerson): string {
  if (before.isActive && !after.isActive) {
    return after.load
      ? `${after.name} retired from the pool. ${joiners(after.load)} still ${after.load === 1 ? 'has' : 'have'} them as mentor or buddy: give ${after.load === 1 ? 'that joiner' : 'them'} someone else.`
      : `${after.name} retired from the pool.`;
  }
  if (!before.isActive && after.isActive) return `${after.name} is back in the pool.`;
  if (!before.isPaused && after.isPaused)
    return `${after.name} paused: they will not be suggested for new joiners${after.load ? `, and keep the ${joiners(after.load)} they have` : ''}.`;
  if (before.isPaused && !after.isPaused) return `${after.name} can take new joiners again.`;
  return `${after.name}'s details saved.`;
}

/**
 * Changes a person at the version read: details, pausing, retiring. Retiring someone who still has
 * joiners is allowed (the answer says how many); lowering capacity below their load is not.
 */
export function updateMentor(ctx: ServiceCtx, input: UpdateMentorInput): PoolChange {
  return ctx.db.transaction(
    (tx) => {
      const before = personOf(tx, input.id);
      if (!before) throw new DomainError('NOT_FOUND', 'There is no such person in the pool.');
      assertCurrentVersion(
        before,
        input.expectedVersion,
        `Someone else changed ${before.name} in the pool. Look at them again before you carry on.`,
        () => before,
      );
      assertPoolPerson(input);
      const userId = input.userId === undefined ? before.userId : input.userId;
      if (userId !== before.userId) assertAccount(tx, userId);
      if (input.capacity < before.capacity) assertCapacityCoversLoad(before.name, input.capacity, before.load);
      const next = {
        name: input.name,
        unitCode: input.unit,
        place: input.place,
        capacity: input.capacity,
        kind: input.kind,
        isPaused: input.isPaused,
        isActive: input.isActive,
        userId,
      };
      const isUnchanged =
        next.name === before.name &&
        next.unitCode === before.unit &&
        next.place === before.place &&
        next.capacity === before.capacity &&
        next.kind === before.kind &&
        next.isPaused === before.isPaused &&
        next.isActive === before.isActive &&
        next.userId === before.userId;
      if (isUnchanged) {
        throw fieldProblems([
          { field: '', code: 'pool.unchanged', message: `Nothing changed: ${before.name} is already as you have them.` },
        ]);
      }
      const written = tx
        .update(mentors)
        .set({ ...next, version: sql`${mentors.version} + 1` })
        .where(and(eq(mentors.id, before.id), eq(mentors.version, before.version)))
        .run();
      if (written.changes !== 1) throw new Error('the person changed inside an immediate transaction');
      const after = personOf(tx, before.id);
      if (!after) throw new Error('the person was not written');
      return { person: after, summary: summaryOf(before, after), joinersStillAssigned: after.load };
    },
    { behavior: 'immediate' },
  );
}

/** Whom to offer a case's joiner as mentor and as buddy, and who in the pool is offered for neither, with why. */
/** Everyone who sat on the panel of the case's interviews that took place. */
export function interviewersOf(tx: Tx, applicationId: number): number[] {
  return tx
    .selectDistinct({ userId: panelSeats.userId })
    .from(panelSeats)
    .innerJoin(interviews, eq(interviews.id, panelSeats.interviewId))
    .where(and(eq(interviews.applicationId, applicationId), eq(interviews.status, 'attended')))
    .all()
    .map((s) => s.userId);
}

/** A person in the pool with their load, for the rules (`exclusionOf`); undefined if there is none. */
export function poolPersonOf(tx: Tx, id: number): PoolPerson | undefined {
  return personOf(tx, id);
}

export function suggestFor(ctx: ServiceCtx, input: SuggestMentorsInput): MentorSuggestions {
  return ctx.db.transaction((tx) => {
    const { row, snapshot } = loadApplication(tx, input.applicationId);
    // A case the actor may give a mentor now: theirs to see, at induction or mentoring.
    assertMay(ctx.actor, snapshot, 'mentor');
    const panelUserIds = interviewersOf(tx, row.id);
    const pool = peopleWhere(tx, eq(mentors.isActive, true));
    const joiner = { posting: postingOf(snapshot), panelUserIds, mentorId: row.mentorId, buddyId: row.buddyId };
    return {
      mentor: suggestMentors(pool, joiner, 'mentor'),
      buddy: suggestMentors(pool, joiner, 'buddy'),
      excluded: excludedFromBoth(pool, joiner).map(({ person, why }) => ({ id: person.id, name: person.name, why })),
    };
  });
}
