import type { Role, Stage } from '@muster/contracts';
import { pipelineStages } from './labels.ts';

/**
 * Which controls each role sees. The server enforces all of this; the dashboard only hides what a
 * role could never use, so nobody is offered a button that can only say no.
 */
export const may = {
  create: (role: Role) => role === 'resourcing',
  eligibility: (role: Role) => role === 'resourcing',
  checks: (role: Role) => role === 'resourcing',
  interview: (role: Role) => role === 'resourcing' || role === 'unit_lead',
  induction: (role: Role) => role === 'resourcing' || role === 'coordinator',
  mentor: (role: Role) => role === 'resourcing' || role === 'coordinator',
  note: (role: Role) => role === 'resourcing' || role === 'unit_lead' || role === 'coordinator',
  /** Import, duplicates, the triage queue and correcting a candidate's details. */
  intake: (role: Role) => role === 'resourcing',
  editDetails: (role: Role) => role === 'resourcing',
  admin: (role: Role) => role === 'admin',
  approveException: (role: Role) => role === 'admin',
};

const forwardMovers: Partial<Record<Stage, readonly Role[]>> = {
  review: ['resourcing'],
  interview: ['resourcing', 'unit_lead'],
  pre_employment: ['resourcing'],
  induction: ['resourcing', 'coordinator'],
  mentoring: ['resourcing', 'coordinator'],
};

/**
 * Moves a role may offer from a board card. Cards do not carry the server's `nextMoves` (the case
 * page does), so this mirrors the role rules; the server still checks every gate on the move itself.
 */
export function boardMoves(role: Role, from: Stage): Stage[] {
  const i = pipelineStages.indexOf(from as (typeof pipelineStages)[number]);
  if (i < 0 || from === 'onboarded') return [];
  const out: Stage[] = [];
  const next = pipelineStages[i + 1];
  if (next && forwardMovers[from]?.includes(role)) out.push(next);
  const back = pipelineStages[i - 1];
  if (back && role === 'resourcing') out.push(back);
  if (role === 'resourcing') out.push('rejected', 'withdrawn');
  else if (role === 'unit_lead' && from === 'interview') out.push('rejected');
  return out;
}

/** Who acts on the gate into each stage, in words. */
export const gateOwners: Partial<Record<Stage, string>> = {
  interview: 'Resourcing',
  pre_employment: 'Unit lead or resourcing',
  induction: 'Resourcing',
  mentoring: 'Mentor coordinator or resourcing',
  onboarded: 'Mentor coordinator or resourcing',
};
