import type { Criterion, Role } from '@muster/contracts';
import type { FieldProblem } from './eligibility-rules.ts';

/*
 * Interview scorecards: each panel member scores each criterion 1–5 with evidence, without seeing the
 * others' scores until they have submitted their own; the lead then sees the panel's summary.
 */

/** Days after an interview ends before its missing scorecards count as overdue. */
export const scorecardGraceDays = 2;

/** What is wrong with a scorecard for these criteria: every criterion scored 1–5, nothing else. */
export function scorecardProblems(
  criteria: readonly Criterion[],
  card: { scores: Record<string, number>; evidence: Record<string, string> },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of criteria) {
    const score = card.scores[c.code];
    if (score === undefined || !Number.isInteger(score) || score < 1 || score > 5)
      problems.push({
        field: `scores.${c.code}`,
        message: `Score ${c.label.toLowerCase()} from 1 to 5.`,
        code: 'scorecards.score_missing',
      });
  }
  const known = new Set(criteria.map((c) => c.code));
  for (const code of [...Object.keys(card.scores), ...Object.keys(card.evidence)])
    if (!known.has(code))
      problems.push({
        field: `scores.${code}`,
        message: `${code} is not one of this scorecard's criteria.`,
        code: 'scorecards.criterion_unknown',
      });
  return problems;
}

/** Whether a scorecard can be submitted now: by someone on the panel, once the interview took place. */
export function scorecardRefusal(f: {
  isOnPanel: boolean;
  status: 'booked' | 'attended' | 'did_not_attend' | 'cancelled';
  endsAt: string;
  now: Date;
}): { code: 'scorecards.not_on_panel' | 'scorecards.not_yet' | 'scorecards.no_interview'; message: string } | null {
  if (!f.isOnPanel) return { code: 'scorecards.not_on_panel', message: 'Only the panel of this interview scores it.' };
  if (f.status === 'cancelled' || f.status === 'did_not_attend')
    return { code: 'scorecards.no_interview', message: 'This interview did not take place: there is nothing to score.' };
  if (f.endsAt > f.now.toISOString()) return { code: 'scorecards.not_yet', message: 'Score the interview once it has ended.' };
  return null;
}

/**
 * Whether a reader may see the other panel members' scores: anyone on the panel (whatever their role)
 * only once their own is submitted; off the panel, resourcing, the admin and the unit's lead always.
 */
export function mayReadOthersScores(reader: {
  role: Role;
  isOnPanel: boolean;
  hasSubmitted: boolean;
  leadsUnit: boolean;
}): boolean {
  if (reader.isOnPanel) return reader.hasSubmitted;
  return reader.role === 'resourcing' || reader.role === 'admin' || (reader.role === 'unit_lead' && reader.leadsUnit);
}

/** Each criterion's scores across the panel and their mean (to one decimal place). */
export function scoreSummary(
  criteria: readonly Criterion[],
  cards: readonly { scores: Record<string, number> }[],
): { code: string; label: string; scores: number[]; mean: number | null }[] {
  return criteria.map((c) => {
    const scores = cards.map((k) => k.scores[c.code]).filter((s): s is number => s !== undefined);
    const mean = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
    return { code: c.code, label: c.label, scores, mean };
  });
}

/** A scorecard is due once the interview has ended, and overdue `scorecardGraceDays` after. */
export function scorecardState(endsAt: string, now: Date): 'not_due' | 'due' | 'overdue' {
  const end = Date.parse(endsAt);
  if (now.getTime() < end) return 'not_due';
  return now.getTime() - end > scorecardGraceDays * 86_400_000 ? 'overdue' : 'due';
}
