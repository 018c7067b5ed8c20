import type { Role, Stage } from '@muster/contracts';

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

/** Who acts on the gate into each stage, in words. */
export const gateOwners: Partial<Record<Stage, string>> = {
  interview: 'Resourcing',
  pre_employment: 'Unit lead or resourcing',
  induction: 'Resourcing',
  mentoring: 'Mentor coordinator or resourcing',
  onboarded: 'Mentor coordinator or resourcing',
};
