import type {
  ApplicationDetail,
  InterviewScores,
  RecordOutcomeInput,
  Scorecard,
  ScorecardsInput,
  ScorecardsView,
  SubmitScorecardInput,
} from '@muster/contracts';
import { metValues } from '@muster/contracts';
import { applications, interviews, interviewSlots, scorecardCriteriaSets, scorecards, slotPanel, users } from '@muster/db';
import {
  assertNoProblems,
  DomainError,
  mayReadOthersScores,
  refuse,
  scorecardProblems,
  scorecardRefusal,
  scorecardState,
  scoreSummary,
} from '@muster/domain';
import { and, asc, desc, eq, isNull, notExists } from 'drizzle-orm';
import { writeApplication } from './application-write.ts';
import { saveInterviewOutcome } from './records.ts';
import type { Tx } from './application-store.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** The interview with what the scorecard rules read: its times, status, unit, case and panel. */
function interviewFacts(tx: Tx, interviewId: number) {
  const i = tx
    .select({
      id: interviews.id,
      status: interviews.status,
      applicationId: interviews.applicationId,
      reference: applications.reference,
      slotId: interviews.slotId,
      endsAt: interviewSlots.endsAt,
      unit: interviewSlots.unitCode,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(eq(interviews.id, interviewId))
    .get();
  if (!i) throw new DomainError('NOT_FOUND', `There is no interview ${interviewId}.`);
  const panel = tx
    .select({ id: users.id, name: users.name })
    .from(slotPanel)
    .innerJoin(users, eq(users.id, slotPanel.userId))
    .where(eq(slotPanel.slotId, i.slotId))
    .orderBy(asc(users.name))
    .all();
  return { ...i, panel };
}

/** The criteria an interview is scored against: those of its first scorecard, else the current set. */
function criteriaFor(tx: Tx, interviewId: number) {
  const first = tx
    .select({ setId: scorecards.criteriaSetId })
    .from(scorecards)
    .where(eq(scorecards.interviewId, interviewId))
    .orderBy(asc(scorecards.id))
    .get();
  const set = first
    ? tx.select().from(scorecardCriteriaSets).where(eq(scorecardCriteriaSets.id, first.setId)).get()
    : tx.select().from(scorecardCriteriaSets).orderBy(desc(scorecardCriteriaSets.id)).get();
  if (!set) throw new Error('No scorecard criteria: the reference data seeds a set');
  return set;
}

const cardsOf = (tx: Tx, interviewId: number) =>
  tx
    .select({
      id: scorecards.id,
      userId: scorecards.userId,
      name: users.name,
      version: scorecards.version,
      scores: scorecards.scores,
      evidence: scorecards.evidence,
      submittedAt: scorecards.submittedAt,
      supersededAt: scorecards.supersededAt,
    })
    .from(scorecards)
    .innerJoin(users, eq(users.id, scorecards.userId))
    .where(eq(scorecards.interviewId, interviewId))
    .orderBy(asc(scorecards.id))
    .all();
type CardRow = ReturnType<typeof cardsOf>[number];
const toScorecard = (c: CardRow): Scorecard => ({
  id: c.id,
  by: { id: c.userId, name: c.name },
  version: c.version,
  scores: c.scores,
  evidence: c.evidence,
  submittedAt: c.submittedAt,
});

/** Who may read an interview's scorecards at all: its panel, resourcing, the admin, the unit's leads. */
function assertMayRead(ctx: ServiceCtx, facts: ReturnType<typeof interviewFacts>) {
  const isOnPanel = facts.panel.some((p) => p.id === ctx.actor.id);
  const leadsUnit = ctx.actor.role === 'unit_lead' && ctx.actor.units.includes(facts.unit);
  if (!(isOnPanel || leadsUnit || ctx.actor.role === 'resourcing' || ctx.actor.role === 'admin'))
    throw new DomainError('FORBIDDEN', 'You do not have access to this interview.');
  return { isOnPanel, leadsUnit };
}

/** Submits (or corrects, as a new version) the actor's scorecard for an interview they sat on. */
export function submitScorecard(ctx: ServiceCtx, input: SubmitScorecardInput): ScorecardsView {
  return ctx.db.transaction(
    (tx) => {
      const facts = interviewFacts(tx, input.interviewId);
      const refusal = scorecardRefusal({
        isOnPanel: facts.panel.some((p) => p.id === ctx.actor.id),
        status: facts.status,
        endsAt: facts.endsAt,
        now: ctx.now(),
      });
      if (refusal?.code === 'scorecards.not_on_panel') throw new DomainError('FORBIDDEN', refusal.message);
      if (refusal) throw refuse(refusal.code, refusal.message);
      const set = criteriaFor(tx, facts.id);
      assertNoProblems(scorecardProblems(set.criteria, input));
      const now = ctx.now().toISOString();
      const current = tx
        .select()
        .from(scorecards)
        .where(and(eq(scorecards.interviewId, facts.id), eq(scorecards.userId, ctx.actor.id), isNull(scorecards.supersededAt)))
        .get();
      if (current) tx.update(scorecards).set({ supersededAt: now }).where(eq(scorecards.id, current.id)).run();
      tx.insert(scorecards)
        .values({
          interviewId: facts.id,
          userId: ctx.actor.id,
          criteriaSetId: set.id,
          version: (current?.version ?? 0) + 1,
          scores: input.scores,
          evidence: input.evidence,
          submittedAt: now,
        })
        .run();
      return viewOf(ctx, tx, facts);
    },
    { behavior: 'immediate' },
  );
}

export function listScorecards(ctx: ServiceCtx, input: ScorecardsInput): ScorecardsView {
  return ctx.db.transaction((tx) => viewOf(ctx, tx, interviewFacts(tx, input.interviewId)));
}

function viewOf(ctx: ServiceCtx, tx: Tx, facts: ReturnType<typeof interviewFacts>): ScorecardsView {
  const { isOnPanel, leadsUnit } = assertMayRead(ctx, facts);
  const cards = cardsOf(tx, facts.id);
  const current = cards.filter((c) => c.supersededAt === null);
  const mine = current.find((c) => c.userId === ctx.actor.id);
  const seesOthers = mayReadOthersScores({ role: ctx.actor.role, isOnPanel, hasSubmitted: mine !== undefined, leadsUnit });
  const set = criteriaFor(tx, facts.id);
  const state = scorecardState(facts.endsAt, ctx.now());
  return {
    interview: {
      id: facts.id,
      applicationId: facts.applicationId,
      reference: facts.reference,
      status: facts.status,
      endsAt: facts.endsAt,
    },
    criteria: set.criteria,
    mine: mine ? toScorecard(mine) : null,
    isOnPanel,
    panel: facts.panel.map((p) => {
      const submitted = current.some((c) => c.userId === p.id);
      return { ...p, hasSubmitted: submitted, state: submitted ? 'submitted' : state };
    }),
    others: seesOthers ? current.filter((c) => c.userId !== ctx.actor.id).map(toScorecard) : [],
    summary: seesOthers ? scoreSummary(set.criteria, current) : null,
    corrected: cards.filter((c) => c.supersededAt !== null && (seesOthers || c.userId === ctx.actor.id)).map(toScorecard),
  };
}

/**
 * The outcome, by whoever records the case's interview, from the panel's scorecards of its attended
 * interview: the scores recorded are each value's panel mean, rounded; this is what meets the gate.
 */
export function recordOutcome(ctx: ServiceCtx, input: RecordOutcomeInput): ApplicationDetail {
  return writeApplication(ctx, input, 'interview', (tx, loaded, now) => {
    const attended = tx
      .select({ id: interviews.id })
      .from(interviews)
      .where(and(eq(interviews.applicationId, loaded.row.id), eq(interviews.status, 'attended')))
      .orderBy(desc(interviews.id))
      .get();
    if (!attended) throw refuse('scorecards.no_interview', 'Record that the candidate attended an interview before its outcome.');
    const set = criteriaFor(tx, attended.id);
    const current = cardsOf(tx, attended.id).filter((c) => c.supersededAt === null);
    if (!current.length)
      throw refuse('scorecards.none_submitted', 'No panel member has submitted a scorecard for this interview yet.');
    const summary = scoreSummary(set.criteria, current);
    const scores = Object.fromEntries(
      metValues.map((v) => {
        const mean = summary.find((s) => s.code === v)?.mean;
        if (mean === null || mean === undefined)
          throw refuse('scorecards.none_submitted', `The panel's scorecards do not score ${v}.`);
        return [v, Math.round(mean)];
      }),
    ) as InterviewScores;
    saveInterviewOutcome(
      ctx,
      tx,
      loaded.row,
      now,
      { outcome: input.outcome, scores, notes: input.notes ?? null },
      {
        panel: summary.map(({ code, scores: s, mean }) => ({ code, scores: s, mean })),
        scorecards: current.length,
      },
    );
    // A pass is the conditional offer, on which the pre-employment checks start (the same version).
    tx.update(applications)
      .set({ conditionalOfferAt: input.outcome === 'pass' ? now : null })
      .where(eq(applications.id, loaded.row.id))
      .run();
  });
}

/** Interviews the actor sat on that have ended with no current scorecard of theirs. */
export function scorecardsDueFor(tx: Tx, userId: number) {
  return tx
    .select({ interviewId: interviews.id, endsAt: interviewSlots.endsAt })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(slotPanel, and(eq(slotPanel.slotId, interviews.slotId), eq(slotPanel.userId, userId)))
    .where(
      and(
        eq(interviews.status, 'attended'),
        notExists(
          tx
            .select({ id: scorecards.id })
            .from(scorecards)
            .where(
              and(eq(scorecards.interviewId, interviews.id), eq(scorecards.userId, userId), isNull(scorecards.supersededAt)),
            ),
        ),
      ),
    )
    .all();
}
