import type { Criterion, OpenStage, Route, UnitCode, WaitsOn } from '@muster/contracts';

export const bcus = [
  'Central West',
  'Central North',
  'Central South',
  'Central East',
  'North West',
  'North Area',
  'North East',
  'East Area',
  'South East',
  'South Area',
  'South West',
  'West Area',
] as const;

export type Bcu = (typeof bcus)[number];

/**
 * The wards a Safer Neighbourhoods team may be posted to, a few of each BCU's (reference data, not
 * every ward): an SNT posting's place is "Ward, BCU".
 */
export const sntWards: Record<Bcu, readonly string[]> = {
  'Central West': ['Knightsbridge & Belgravia', 'Notting Dale', 'Regent’s Park', 'Fulham Broadway'],
  'Central North': ['Highbury', 'Kentish Town South', 'Holloway', 'Camden Square'],
  'Central South': ['Brixton Acre Lane', 'Clapham Common & Abbeville', 'Peckham', 'Camberwell Green'],
  'Central East': ['Hackney Central', 'Spitalfields & Banglatown', 'Bow West', 'Dalston'],
  'North West': ['Harlesden & Kensal Green', 'Wembley Central', 'Hendon', 'Pinner'],
  'North Area': ['Edmonton Green', 'Tottenham Hale', 'Enfield Town', 'Muswell Hill'],
  'North East': ['Stratford Olympic Park', 'Leyton', 'Walthamstow West', 'Forest Gate North'],
  'East Area': ['Romford Town', 'Barking', 'Ilford Town', 'Dagenham Heathway'],
  'South East': ['Woolwich Arsenal', 'Greenwich Peninsula', 'Lewisham Central', 'Eltham Town & Avery Hill'],
  'South Area': ['Croydon Town', 'Bromley Town', 'Sutton Central', 'Thornton Heath'],
  'South West': ['Wimbledon Town & Dundonald', 'Kingston Town', 'Richmond Town', 'Tooting Broadway'],
  'West Area': ['Hounslow Central', 'Southall Broadway', 'Uxbridge', 'Ealing Broadway'],
};

/** The roles of a MetCC posting. */
export const metccRoles = ['First Contact', 'Despatch'] as const;

/** The places a unit posts a joiner to: for SNT its wards as "Ward, BCU"; for any other unit its places. */
export function postingPlacesOf(unit: UnitCode): readonly string[] {
  if (unit === 'SNT') return bcus.flatMap((b) => sntWards[b].map((w) => `${w}, ${b}`));
  return units.find((u) => u.code === unit)?.places ?? [];
}

export type Unit = { code: UnitCode; name: string; places: readonly string[] };

export const units: readonly Unit[] = [
  { code: 'SNT', name: 'Safer Neighbourhoods (ward teams)', places: bcus },
  { code: 'METCC', name: 'Met Command and Control', places: ['Lambeth', 'Hendon', 'Bow'] },
  {
    code: 'TSG',
    name: 'Territorial Support Group (MO7 Taskforce)',
    places: ['Alperton (NW)', 'Chadwell Heath (NE)', 'Catford (SE)', 'Clapham (SW)'],
  },
  { code: 'CT', name: 'Counter Terrorism (CTPHQ / SO15)', places: ['London'] },
  { code: 'MO19', name: 'Specialist Firearms Unit (MO19)', places: ['Gravesend'] },
  { code: 'MO3', name: 'Technical Surveillance Unit (MO3)', places: ['London'] },
  { code: 'SOIT', name: 'Sexual Offences Investigative Trained officers (RASSO)', places: bcus },
  { code: 'BCU', name: 'Basic Command Unit', places: bcus },
];

export function unitName(code: UnitCode): string {
  return units.find((u) => u.code === code)?.name ?? code;
}

export function isPlaceOf(unit: UnitCode, place: string): boolean {
  return units.find((u) => u.code === unit)?.places.includes(place) ?? false;
}

export const metForce = 'Metropolitan Police Service';

/** The 43 territorial police forces of England and Wales. */
export const homeOfficeForces = [
  'Avon and Somerset Constabulary',
  'Bedfordshire Police',
  'Cambridgeshire Constabulary',
  'Cheshire Constabulary',
  'City of London Police',
  'Cleveland Police',
  'Cumbria Constabulary',
  'Derbyshire Constabulary',
  'Devon and Cornwall Police',
  'Dorset Police',
  'Durham Constabulary',
  'Dyfed-Powys Police',
  'Essex Police',
  'Gloucestershire Constabulary',
  'Greater Manchester Police',
  'Gwent Police',
  'Hampshire and Isle of Wight Constabulary',
  'Hertfordshire Constabulary',
  'Humberside Police',
  'Kent Police',
  'Lancashire Constabulary',
  'Leicestershire Police',
  'Lincolnshire Police',
  'Merseyside Police',
  metForce,
  'Norfolk Constabulary',
  'North Wales Police',
  'North Yorkshire Police',
  'Northamptonshire Police',
  'Northumbria Police',
  'Nottinghamshire Police',
  'South Wales Police',
  'South Yorkshire Police',
  'Staffordshire Police',
  'Suffolk Constabulary',
  'Surrey Police',
  'Sussex Police',
  'Thames Valley Police',
  'Warwickshire Police',
  'West Mercia Police',
  'West Midlands Police',
  'West Yorkshire Police',
  'Wiltshire Police',
] as const;

/** Eligibility criteria a reviewer records, by route. */
export const routeCriteria: Record<Route, readonly Criterion[]> = {
  transferee: [
    { code: 'serving_home_office', label: 'Serving in a Home Office force other than the Met' },
    { code: 'constable_rank', label: 'Holds the rank of constable (PC or DC)' },
    { code: 'probation_complete', label: 'Has completed the 2-year probationary period with their force' },
    { code: 'meets_role_requirements', label: 'Meets the day-to-day requirements of their current role' },
  ],
  police_now_nglp: policeNowCriteria(),
  police_now_ndp: policeNowCriteria(),
};

function policeNowCriteria(): Criterion[] {
  return [
    { code: 'degree', label: 'Has a degree at 2:2 or above, or will graduate before the programme starts' },
    { code: 'uk_residence', label: 'Has lived in the UK for the last three years' },
    { code: 'not_attested', label: 'Is not a serving or former attested police officer' },
  ];
}

/** Essential criteria a target unit adds of its own. */
export const unitCriteria: Record<UnitCode, readonly Criterion[]> = {
  SNT: [],
  METCC: [],
  TSG: [{ code: 'fitness', label: 'Has and keeps a good level of fitness' }],
  CT: [{ code: 'current_vacancy', label: 'Matches a current Counter Terrorism vacancy' }],
  MO19: [{ code: 'firearms_criteria', label: "Meets the Specialist Firearms Unit's essential criteria" }],
  MO3: [
    { code: 'surveillance_trained', label: 'Trained in national mobile or foot surveillance' },
    { code: 'ripa_tei_knowledge', label: 'Knows RIPA and TEI legislation' },
  ],
  SOIT: [],
  BCU: [],
};

/** A check type: its routes and unit (null: every unit), and who it waits on once requested. */
export type CheckType = { code: string; name: string; routes: readonly Route[] | 'all'; unit: UnitCode | null; waitsOn: WaitsOn };

export const checkTypes: readonly CheckType[] = [
  {
    code: 'psd_oh_records',
    name: 'Professional standards and occupational health records from current force',
    routes: ['transferee'],
    unit: null,
    waitsOn: 'current_force',
  },
  { code: 'vetting', name: 'Recruitment vetting', routes: 'all', unit: null, waitsOn: 'vetting_unit' },
  { code: 'references', name: 'References', routes: 'all', unit: null, waitsOn: 'referee' },
  { code: 'occupational_health', name: 'Occupational health (medical)', routes: 'all', unit: null, waitsOn: 'occupational_health' },
  { code: 'fitness_test', name: 'Fitness test (15 m shuttle run)', routes: 'all', unit: null, waitsOn: 'candidate' },
  { code: 'biometrics', name: 'Biometrics (fingerprints and DNA)', routes: 'all', unit: null, waitsOn: 'candidate' },
  { code: 'substance_misuse', name: 'Substance misuse test', routes: 'all', unit: null, waitsOn: 'candidate' },
  {
    code: 'counter_terrorist_check',
    name: 'Counter-terrorist check (CTC)',
    routes: 'all',
    unit: 'CT',
    waitsOn: 'vetting_unit',
  },
  { code: 'security_check', name: 'Security check (SC)', routes: 'all', unit: 'MO3', waitsOn: 'vetting_unit' },
  { code: 'level2_public_order', name: 'Level 2 public order course', routes: 'all', unit: 'TSG', waitsOn: 'candidate' },
  { code: 'cbrn_medical', name: 'CBRN medical', routes: 'all', unit: 'TSG', waitsOn: 'occupational_health' },
];

/** TSG checks whose failure re-routes the case to a BCU posting instead of rejecting it. */
export const tsgRerouteChecks = ['level2_public_order', 'cbrn_medical'] as const;

export function checkName(code: string): string {
  return checkTypes.find((c) => c.code === code)?.name ?? code;
}

/** The checks a case must pass (or have waived) before induction. */
export function requiredChecks(route: Route, targetUnit: UnitCode | null): CheckType[] {
  return checkTypes.filter((c) => (c.routes === 'all' || c.routes.includes(route)) && (c.unit === null || c.unit === targetUnit));
}

/** Police Now's programmes, with the first cohort each took (Police Now's page: NGLP since 2015, NDP since 2019). */
export const policeNowProgrammes = [
  { route: 'police_now_nglp', name: 'National Graduate Leadership Programme', years: 2, firstCohortYear: 2015 },
  { route: 'police_now_ndp', name: 'National Detective Programme', years: 2, firstCohortYear: 2019 },
] as const;

/**
 * Days a case should take at each open stage: past this it is overdue (the board marks it). Review
 * should be quick; pre-employment checks (vetting above all) take longest.
 */
export const stageTargetDays: Record<OpenStage, number> = {
  review: 14,
  interview: 21,
  pre_employment: 45,
  induction: 30,
  mentoring: 30,
};

export const metValueLabels = {
  professionalism: 'Professionalism',
  integrity: 'Integrity',
  courage: 'Courage',
  compassion: 'Compassion',
} as const;

export const stageLabels = {
  review: 'Review',
  interview: 'Interview',
  pre_employment: 'Pre-employment',
  induction: 'Induction',
  mentoring: 'Mentoring',
  onboarded: 'Onboarded',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
} as const;

export const routeLabels = {
  transferee: 'Transferee',
  police_now_nglp: 'Police Now NGLP',
  police_now_ndp: 'Police Now NDP',
} as const;

/** The reasons to reject or withdraw a case that a fresh database starts with; admins manage them after. */
export const defaultCloseReasons = {
  rejected: [
    'Does not meet the eligibility criteria',
    'Does not meet the unit’s essential criteria',
    'Interview not passed',
    'Pre-employment check not passed',
    'No current vacancy',
    'Other',
  ],
  withdrawn: [
    'Candidate withdrew',
    'Accepted another role or promotion',
    'No response to contact',
    'Duplicate application',
    'Other',
  ],
} as const;

/** Where interviews take place, as first seeded: a few Met venues and each specialist unit's base. Admin-managed after. */
export const interviewVenues: readonly { name: string; address: string; unit: UnitCode | null }[] = [
  { name: 'New Scotland Yard', address: 'Victoria Embankment, London SW1A 2JL', unit: null },
  { name: 'Empress State Building', address: 'Lillie Road, London SW6 1TR', unit: null },
  { name: 'Peel Centre, Hendon', address: 'Aerodrome Road, London NW9 5JE', unit: null },
  { name: 'MetCC Lambeth', address: '109 Lambeth Road, London SE1 7LP', unit: 'METCC' },
  { name: 'TSG base, Alperton', address: 'Alperton, north-west London', unit: 'TSG' },
  { name: 'CTPHQ', address: 'Counter Terrorism Policing headquarters, London', unit: 'CT' },
  { name: 'MO19 base, Gravesend', address: 'Gravesend, Kent', unit: 'MO19' },
  { name: 'MO3 base', address: 'Technical Surveillance Unit, London', unit: 'MO3' },
];

/**
 * What an interview scorecard scores, as first seeded: the values the seed's selection-process section
 * says the interview assesses (docs/decisions/0015). Admin-managed and versioned after.
 */
export const defaultScorecardCriteria: readonly Criterion[] = [
  { code: 'professionalism', label: 'Professionalism' },
  { code: 'integrity', label: 'Integrity' },
  { code: 'courage', label: 'Courage' },
  { code: 'compassion', label: 'Compassion' },
];
