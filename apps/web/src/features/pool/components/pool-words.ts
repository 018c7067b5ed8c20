import type { MentorKind, PoolPerson } from '@muster/contracts';

/** What a person in the pool does for joiners, as the list and the form say it. */
export const kindLabels: Record<MentorKind, string> = {
  both: 'Mentor or buddy',
  mentor: 'Mentor only',
  buddy: 'Buddy only',
};

/** A person's status in words, with the GOV.UK tag colour it is shown in. */
export function statusOf(p: Pick<PoolPerson, 'isActive' | 'isPaused' | 'hasRoom'>): { label: string; tag: string } {
  if (!p.isActive) return { label: 'Retired', tag: 'govuk-tag--grey' };
  if (p.isPaused) return { label: 'Paused', tag: 'govuk-tag--yellow' };
  if (!p.hasRoom) return { label: 'Full', tag: 'govuk-tag--orange' };
  return { label: 'Taking joiners', tag: 'govuk-tag--green' };
}

/** "1 joiner" / "3 joiners". */
export const joiners = (n: number) => (n === 1 ? '1 joiner' : `${n} joiners`);
