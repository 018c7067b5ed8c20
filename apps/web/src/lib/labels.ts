import type {
  ApplicationMove,
  CheckClearance,
  CheckStatus,
  MetValue,
  RecordsOutcome,
  RecordsRequest,
  Role,
  Route,
  Stage,
  UnitCode,
  VettingLevel,
  WaitsOn,
} from '@muster/contracts';

export { metValues, openStages, pipelineStages, routes, unitCodes } from '@muster/contracts/vocabulary';

export const stageLabels: Record<Stage, string> = {
  review: 'Review',
  interview: 'Interview',
  pre_employment: 'Pre-employment',
  induction: 'Induction',
  mentoring: 'Mentoring',
  onboarded: 'Onboarded',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const routeLabels: Record<Route, string> = {
  transferee: 'Transferee',
  police_now_nglp: 'Police Now NGLP',
  police_now_ndp: 'Police Now NDP',
};

export const unitShortNames: Record<UnitCode, string> = {
  SNT: 'Safer Neighbourhoods',
  METCC: 'MetCC',
  TSG: 'TSG',
  CT: 'Counter Terrorism',
  MO19: 'MO19 Firearms',
  MO3: 'MO3 Surveillance',
  SOIT: 'SOIT',
  BCU: 'BCU',
};

export const roleLabels: Record<Role, string> = {
  resourcing: 'Resourcing',
  unit_lead: 'Unit lead',
  panel_member: 'Panel member',
  coordinator: 'Mentor coordinator',
  admin: 'Administrator',
};

/** A check as a unit lead is shown it (need to know). */
export const checkClearanceLabels: Record<CheckClearance, string> = { cleared: 'Cleared', pending: 'Pending', refer: 'Refer' };

export const checkStatusLabels: Record<CheckStatus, string> = {
  not_started: 'Not started',
  requested: 'Requested',
  passed: 'Passed',
  failed: 'Failed',
  waived: 'Waived',
};

/** The current force's PSD and OH records, as the eligibility form and the history name them. */
export const recordsRequestLabels: Record<RecordsRequest, string> = {
  not_requested: 'Not requested',
  requested: 'Requested',
  received: 'Received',
};
export const recordsOutcomeLabels: Record<RecordsOutcome, string> = { clear: 'Clear', refer: 'Refer' };

export const metValueLabels: Record<MetValue, string> = {
  professionalism: 'Professionalism',
  integrity: 'Integrity',
  courage: 'Courage',
  compassion: 'Compassion',
};

export const stageTagClass: Record<Stage, string> = {
  review: 'govuk-tag--blue',
  interview: 'govuk-tag--light-blue',
  pre_employment: 'govuk-tag--purple',
  induction: 'govuk-tag--turquoise',
  mentoring: 'govuk-tag--pink',
  onboarded: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
};

/** "Move to interview", "Reject", … for a move, by the kind the server gave it. */
export function moveLabel(move: Pick<ApplicationMove, 'to' | 'kind'>): string {
  const to = stageLabels[move.to].toLowerCase();
  switch (move.kind) {
    case 'close':
      return move.to === 'rejected' ? 'Reject' : 'Withdraw';
    case 'reopen':
      return `Reopen at ${to}`;
    case 'back':
      return `Move back to ${to}`;
    case 'forward':
      return `Move to ${to}`;
  }
}

/** "Resourcing or unit lead": the roles that may make a move, in words. */
export function roleList(roles: readonly Role[]): string {
  const words = roles.map((r, i) => (i === 0 ? roleLabels[r] : roleLabels[r].toLowerCase()));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Why two cases look like the same person, in words (duplicate flags). */
export const duplicateMatchLabels: Record<string, string> = {
  same_email: 'same email',
  same_warrant: 'same warrant number in the same force',
  same_name_dob: 'same name and date of birth',
};

/** "same email and same name and date of birth" from a flag's matched rules. */
export function describeMatches(matches: readonly string[]): string {
  const words = matches.map((m) => duplicateMatchLabels[m] ?? m.replaceAll('_', ' '));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The candidate's details by field name, as the forms and the history name them. */
export const candidateFieldLabels: Record<string, string> = {
  route: 'Entry route',
  cohortYear: 'Cohort year',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email address',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  currentForce: 'Current force',
  rank: 'Rank',
  warrantNumber: 'Warrant number',
  joinedForceOn: 'Date joined current force',
  unitPreferences: 'Unit preferences',
  postingPreference: 'Posting preference',
  specialistSkills: 'Specialist skills and qualifications',
};

export const ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th'] as const;

/** Who a pre-employment check waits on (contracts `WaitsOn`). */
export const waitsOnLabels: Record<WaitsOn, string> = {
  vetting_unit: 'Vetting unit',
  occupational_health: 'Occupational health provider',
  referee: 'Referees',
  current_force: 'Current force',
  candidate: 'Candidate',
};

export const vettingLevelLabels: Record<VettingLevel, string> = {
  recruitment_vetting: 'Recruitment vetting (RV)',
  management_vetting: 'Management vetting (MV)',
  counter_terrorist_check: 'Counter-terrorist check (CTC)',
  security_check: 'Security check (SC)',
};
