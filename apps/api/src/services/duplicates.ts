import type { DuplicateFlag, DuplicateMatch, ListDuplicatesInput, ResolveDuplicateInput } from '@muster/contracts';
import { applications, duplicateFlags, users } from '@muster/db';
import { assertCanSee, DomainError, duplicateKeys, isClosed, refuse, type PersonKeys } from '@muster/domain';
import { aliasedTable, and, asc, desc, eq, gt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from './service-ctx.ts';
import { appendEvent, assertVersion, bumpVersion, loadApplication, logAccess, type Tx } from './application-store.ts';

/** What identifies a person for the duplicate rules, with the case's id and reference. */
export const personColumns = {
  id: applications.id,
  reference: applications.reference,
  email: applications.email,
  currentForce: applications.currentForce,
  warrantNumber: applications.warrantNumber,
  firstName: applications.firstName,
  lastName: applications.lastName,
  dateOfBirth: applications.dateOfBirth,
};

/**
 * The cases this person looks like: under each duplicate rule, the earliest case (lowest id) that
 * matches it, so that one person is flagged against at most three cases however many share a key
 * (the import links a group the same way, docs/decisions/0009). The rows are read by the indexed
 * column of each rule, a page at a time, and the first whose key matches is taken.
 */
export function findDuplicates(
  tx: Tx,
  person: PersonKeys & { id: number },
): { id: number; reference: string; matches: DuplicateMatch[] }[] {
  const found = new Map<number, { id: number; reference: string; matches: DuplicateMatch[] }>();
  for (const k of duplicateKeys(person)) {
    const earliest = earliestWithKey(tx, sharingKey(k.match, person), person.id, k.key);
    if (!earliest) continue;
    const entry = found.get(earliest.id) ?? { id: earliest.id, reference: earliest.reference, matches: [] };
    entry.matches.push(k.match);
    found.set(earliest.id, entry);
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/** The cases that may share `person`'s key of kind `match` (narrowed by an indexed column; the key decides). */
function sharingKey(match: DuplicateMatch, person: PersonKeys): SQL | undefined {
  if (match === 'same_email') return eq(applications.email, person.email);
  if (match === 'same_name_dob') return eq(applications.dateOfBirth, person.dateOfBirth);
  const { currentForce, warrantNumber } = person;
  if (!currentForce || !warrantNumber) {
    throw new Error('duplicateKeys gives a same_warrant key only to a case with a force and a warrant number');
  }
  return and(eq(applications.currentForce, currentForce), eq(applications.warrantNumber, warrantNumber));
}

/** The lowest-id case other than `selfId` among those `where` finds whose duplicate key is `key`. */
function earliestWithKey(tx: Tx, where: SQL | undefined, selfId: number, key: string) {
  const page = 200;
  for (let after = 0; ;) {
    const rows = tx
      .select(personColumns)
      .from(applications)
      .where(and(where, ne(applications.id, selfId), gt(applications.id, after)))
      .orderBy(asc(applications.id))
      .limit(page)
      .all();
    const match = rows.find((c) => duplicateKeys(c).some((ck) => ck.key === key));
    if (match) return match;
    const last = rows.at(-1);
    if (!last || rows.length < page) return undefined;
    after = last.id;
  }
}

/** Records a flag (and an event on the new case) for each older case it looks like. */
export function flagDuplicates(
  tx: Tx,
  app: { id: number },
  found: { id: number; reference: string; matches: DuplicateMatch[] }[],
  actorId: number | null,
  at: string,
): void {
  for (const d of found) {
    tx.insert(duplicateFlags).values({ applicationId: app.id, duplicateOfId: d.id, matches: d.matches, createdAt: at }).run();
    appendEvent(tx, {
      applicationId: app.id,
      actorId,
      at,
      type: 'duplicate_flagged',
      details: { duplicateOfId: d.id, duplicateOfReference: d.reference, matches: d.matches },
    });
  }
}

const dup = aliasedTable(applications, 'dup');
const original = aliasedTable(applications, 'original');
const resolver = aliasedTable(users, 'resolver');

/** What the resourcing team compares on each side of a flag: the values the rules matched on, and where the case is. */
const sideOf = (a: typeof dup) => ({
  id: a.id,
  reference: a.reference,
  firstName: a.firstName,
  lastName: a.lastName,
  email: a.email,
  dateOfBirth: a.dateOfBirth,
  currentForce: a.currentForce,
  warrantNumber: a.warrantNumber,
  stage: a.stage,
  version: a.version,
  receivedAt: a.receivedAt,
});

/**
 * Flags with both sides' matched values. Those values are personal details (email, date of birth,
 * warrant number), so every case shown is recorded in the access log as `duplicates`.
 */
export function listDuplicates(ctx: ServiceCtx, input: ListDuplicatesInput): DuplicateFlag[] {
  return ctx.db.transaction(
    (tx) => {
      const flags = flagsWithSides(tx, input);
      const shown = new Set(flags.flatMap((f) => [f.application.id, f.duplicateOf.id]));
      const at = ctx.now().toISOString();
      for (const id of shown) logAccess(tx, { userId: ctx.actor.id, applicationId: id, at, action: 'duplicates' });
      return flags;
    },
    { behavior: 'immediate' },
  );
}

function flagsWithSides(tx: Tx, input: ListDuplicatesInput): DuplicateFlag[] {
  return tx
    .select({
      id: duplicateFlags.id,
      matches: duplicateFlags.matches,
      status: duplicateFlags.status,
      createdAt: duplicateFlags.createdAt,
      resolution: duplicateFlags.resolution,
      resolvedAt: duplicateFlags.resolvedAt,
      resolvedBy: resolver.name,
      application: sideOf(dup),
      duplicateOf: sideOf(original),
    })
    .from(duplicateFlags)
    .innerJoin(dup, eq(dup.id, duplicateFlags.applicationId))
    .innerJoin(original, eq(original.id, duplicateFlags.duplicateOfId))
    .leftJoin(resolver, eq(resolver.id, duplicateFlags.resolvedBy))
    .where(
      and(
        eq(duplicateFlags.status, input.status),
        input.applicationId
          ? or(eq(duplicateFlags.applicationId, input.applicationId), eq(duplicateFlags.duplicateOfId, input.applicationId))
          : undefined,
      ),
    )
    .orderBy(desc(duplicateFlags.id))
    .limit(500)
    .all();
}

function openFlag(tx: Tx, flagId: number) {
  const flag = tx.select().from(duplicateFlags).where(eq(duplicateFlags.id, flagId)).get();
  if (!flag) throw new DomainError('NOT_FOUND', `There is no duplicate flag ${flagId}.`);
  if (flag.status !== 'open') {
    throw new DomainError(
      'CONFLICT',
      `This possible duplicate was already ${flag.status} at ${flag.resolvedAt}. Look at the cases again.`,
    );
  }
  return flag;
}

/** The two cases are different people: close the flag, say why, on both cases. */
export function dismissDuplicate(ctx: ServiceCtx, input: ResolveDuplicateInput) {
  return ctx.db.transaction(
    (tx) => {
      const flag = openFlag(tx, input.flagId);
      const { row } = loadApplication(tx, flag.applicationId);
      assertCanSee(ctx.actor, row);
      assertVersion(tx, row, input.expectedVersion, ctx.now());
      const { row: older } = loadApplication(tx, flag.duplicateOfId);
      const references = new Map([
        [row.id, row.reference],
        [older.id, older.reference],
      ]);
      const at = ctx.now().toISOString();
      tx.update(duplicateFlags)
        .set({ status: 'dismissed', resolvedBy: ctx.actor.id, resolvedAt: at, resolution: input.reason })
        .where(eq(duplicateFlags.id, flag.id))
        .run();
      bumpVersion(tx, row, at);
      for (const [flaggedId, other] of [
        [flag.applicationId, flag.duplicateOfId],
        [flag.duplicateOfId, flag.applicationId],
      ] as const) {
        appendEvent(tx, {
          applicationId: flaggedId,
          actorId: ctx.actor.id,
          at,
          type: 'duplicate_dismissed',
          reason: input.reason,
          details: { flagId: flag.id, otherId: other, otherReference: references.get(other) },
        });
      }
      return { flagId: flag.id, status: 'dismissed' as const };
    },
    { behavior: 'immediate' },
  );
}

/**
 * The newer case is the same person as the older one: it is closed as withdrawn ("merged into …"),
 * what it adds (phone, preferences, skills) is carried to the older case, and both histories say so.
 */
export function mergeDuplicate(ctx: ServiceCtx, input: ResolveDuplicateInput) {
  return ctx.db.transaction(
    (tx) => {
      const flag = openFlag(tx, input.flagId);
      const { row: newer } = loadApplication(tx, flag.applicationId);
      const { row: kept } = loadApplication(tx, flag.duplicateOfId);
      assertCanSee(ctx.actor, newer);
      assertVersion(tx, newer, input.expectedVersion, ctx.now());
      if (newer.stage !== 'review') {
        const reason = `Only a case still at review can be merged into another; ${newer.reference} is at ${newer.stage.replace('_', '-')}.`;
        throw refuse('duplicates.merge_not_at_review', reason);
      }
      if (isClosed(kept.stage)) {
        const reason = `${kept.reference} is ${kept.stage}: reopen it first, or dismiss this flag and keep ${newer.reference}.`;
        throw refuse('duplicates.kept_case_closed', reason);
      }
      const at = ctx.now().toISOString();
      const carried = {
        phone: kept.phone ?? newer.phone,
        unitPreferences: kept.unitPreferences.length ? kept.unitPreferences : newer.unitPreferences,
        postingPreference: kept.postingPreference ?? newer.postingPreference,
        specialistSkills: [...new Set([...kept.specialistSkills, ...newer.specialistSkills])],
      };
      const reason = `Merged into ${kept.reference}: ${input.reason}`;
      tx.update(duplicateFlags)
        .set({ status: 'merged', resolvedBy: ctx.actor.id, resolvedAt: at, resolution: input.reason })
        .where(eq(duplicateFlags.id, flag.id))
        .run();
      // Other open flags on the merged-away case go with it.
      tx.update(duplicateFlags)
        .set({ status: 'dismissed', resolvedBy: ctx.actor.id, resolvedAt: at, resolution: `Case merged into ${kept.reference}.` })
        .where(
          and(
            eq(duplicateFlags.status, 'open'),
            or(eq(duplicateFlags.applicationId, newer.id), eq(duplicateFlags.duplicateOfId, newer.id)),
          ),
        )
        .run();
      bumpVersion(tx, newer, at, { stage: 'withdrawn', stageEnteredAt: at, closedFromStage: newer.stage, closeReason: reason });
      bumpVersion(tx, kept, at, carried);
      appendEvent(tx, {
        applicationId: newer.id,
        actorId: ctx.actor.id,
        at,
        type: 'duplicate_merged',
        fromStage: newer.stage,
        toStage: 'withdrawn',
        reason,
        details: { flagId: flag.id, keptId: kept.id, keptReference: kept.reference },
      });
      appendEvent(tx, {
        applicationId: kept.id,
        actorId: ctx.actor.id,
        at,
        type: 'duplicate_merged',
        reason: input.reason,
        details: { flagId: flag.id, mergedId: newer.id, mergedReference: newer.reference, carried },
      });
      return { flagId: flag.id, status: 'merged' as const, keptId: kept.id };
    },
    { behavior: 'immediate' },
  );
}

/** Open flags per case, for lists. */
export const openFlagCount = sql<number>`(SELECT count(*) FROM duplicate_flags f WHERE f.application_id = applications.id AND f.status = 'open')`;
