import type { ApplicationDetail, Rank, Route, UnitCode } from '@muster/contracts';
import { datePartsOf, noDate, readDates, type DateParts, type DateProblem } from '../lib/date-parts.ts';
import { ordinals, routeLabels, routes } from '../lib/labels.ts';
import type { Reference } from '@muster/contracts';
import { DateInput, ErrorMessage, Radios, Select, Textarea, TextInput } from './fields.tsx';

/**
 * The candidate's details as a form holds them: text for every input, day, month and year for each
 * date, one select per unit preference.
 */
export type CandidateValues = {
  route: string;
  cohortYear: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: DateParts;
  currentForce: string;
  rank: string;
  warrantNumber: string;
  joinedForceOn: DateParts;
  unitPreferences: string[];
  postingPreference: string;
  /** One skill or qualification a line. */
  specialistSkills: string;
};

export const candidateFields = [
  'route',
  'cohortYear',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'currentForce',
  'rank',
  'warrantNumber',
  'joinedForceOn',
  'unitPreferences',
  'postingPreference',
  'specialistSkills',
] as const;
export type CandidateField = (typeof candidateFields)[number];

/** The dates of the form, with the legend that names each (and starts its messages). */
export const candidateDateLabels = {
  dateOfBirth: 'Date of birth',
  joinedForceOn: 'Date joined current force',
} as const;
export type CandidateDate = keyof typeof candidateDateLabels;
export type CandidateDateProblems = Partial<Record<CandidateDate, DateProblem>>;

/** Three ranked choices are offered; a case that already lists more keeps a select for each. */
const minPreferenceSlots = 3;

export function emptyCandidate(): CandidateValues {
  return {
    route: '',
    cohortYear: '',
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    dateOfBirth: noDate,
    currentForce: '',
    rank: '',
    warrantNumber: '',
    joinedForceOn: noDate,
    unitPreferences: Array<string>(minPreferenceSlots).fill(''),
    postingPreference: '',
    specialistSkills: '',
  };
}

export function candidateFromDetail(d: ApplicationDetail): CandidateValues {
  const prefs = [...d.unitPreferences];
  while (prefs.length < minPreferenceSlots) prefs.push('' as UnitCode);
  return {
    route: d.route,
    cohortYear: d.cohortYear == null ? '' : String(d.cohortYear),
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    phone: d.phone ?? '',
    dateOfBirth: datePartsOf(d.dateOfBirth),
    currentForce: d.currentForce ?? '',
    rank: d.rank ?? '',
    warrantNumber: d.warrantNumber ?? '',
    joinedForceOn: datePartsOf(d.joinedForceOn),
    unitPreferences: prefs,
    postingPreference: d.postingPreference ?? '',
    specialistSkills: d.specialistSkills.join('\n'),
  };
}

const isPoliceNowRoute = (route: string) => route === 'police_now_nglp' || route === 'police_now_ndp';
const opt = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The form's dates read from their day, month and year, before sending: the ISO date of each, and
 * what is wrong with any that cannot be read (the form shows those instead of sending). The date
 * joined is read for transferees only, as only they are asked it.
 */
export function readCandidateDates(v: CandidateValues) {
  return readDates<CandidateDate>({
    dateOfBirth: { parts: v.dateOfBirth, label: candidateDateLabels.dateOfBirth },
    joinedForceOn: v.route === 'transferee' ? { parts: v.joinedForceOn, label: candidateDateLabels.joinedForceOn } : null,
  });
}

/**
 * What the API takes for these values (create and update share the fields), with the dates as
 * `readCandidateDates` read them. Fields of the other route are sent empty, so switching the route
 * does not leave hidden values behind.
 */
export function candidateInput(v: CandidateValues, dates: Record<CandidateDate, string>) {
  const isTransferee = v.route === 'transferee';
  const isPoliceNow = isPoliceNowRoute(v.route);
  const cohort = v.cohortYear.trim();
  return {
    route: (v.route || undefined) as Route,
    cohortYear: isPoliceNow && cohort ? Number(cohort) : null,
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    phone: opt(v.phone),
    dateOfBirth: dates.dateOfBirth,
    currentForce: isTransferee ? opt(v.currentForce) : null,
    rank: isTransferee ? ((opt(v.rank) ?? null) as Rank | null) : null,
    warrantNumber: isTransferee ? opt(v.warrantNumber) : null,
    joinedForceOn: isTransferee ? opt(dates.joinedForceOn) : null,
    unitPreferences: v.unitPreferences.filter(Boolean) as UnitCode[],
    postingPreference: opt(v.postingPreference),
    specialistSkills: v.specialistSkills
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/**
 * Input ids for each field under a prefix ("new", "edit"): the first unit preference select stands
 * for them all, and a date's day box for the date.
 */
export function candidateIds(prefix: string): Record<CandidateField, string> {
  const ids = Object.fromEntries(candidateFields.map((f) => [f, `${prefix}-${f}`])) as Record<CandidateField, string>;
  ids.unitPreferences = `${prefix}-unitPreferences-0`;
  for (const [f, id] of Object.entries(candidateDateIds(prefix))) ids[f as CandidateDate] = `${id}-day`;
  return ids;
}

/** The id of each date input under a prefix; its boxes are `${id}-day`, `${id}-month` and `${id}-year`. */
export function candidateDateIds(prefix: string): Record<CandidateDate, string> {
  return { dateOfBirth: `${prefix}-dateOfBirth`, joinedForceOn: `${prefix}-joinedForceOn` };
}

/** Errors for a field, including those the server names by item (`unitPreferences.1`, `specialistSkills.0`). */
function errorsOf(byField: Record<string, string[]>, field: CandidateField): string[] | undefined {
  const out = Object.entries(byField)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages);
  return out.length ? out : undefined;
}

/**
 * Every field of the application form. Transferee fields (force, rank, warrant, date joined) show
 * for transferees only, the cohort year for Police Now only.
 */
export function CandidateFields({
  values: v,
  onChange,
  byField,
  ids,
  reference,
  dateProblems = {},
}: {
  values: CandidateValues;
  onChange: (next: CandidateValues) => void;
  byField: Record<string, string[]>;
  ids: Record<CandidateField, string>;
  reference: Reference;
  /** Dates the form could not read when it was last sent, and the boxes in error. */
  dateProblems?: CandidateDateProblems;
}) {
  const set = <K extends keyof CandidateValues>(f: K, value: CandidateValues[K]) => onChange({ ...v, [f]: value });
  const isTransferee = v.route === 'transferee';
  const isPoliceNow = isPoliceNowRoute(v.route);
  const text = (
    f: Exclude<CandidateField, 'unitPreferences' | CandidateDate>,
    label: string,
    extra: Partial<React.ComponentProps<typeof TextInput>> = {},
  ) => (
    <TextInput
      id={ids[f]}
      label={label}
      value={v[f]}
      errors={errorsOf(byField, f)}
      onChange={(e) => set(f, e.target.value)}
      {...extra}
    />
  );
  const date = (f: CandidateDate) => (
    <DateInput
      id={ids[f].replace(/-day$/, '')}
      legend={candidateDateLabels[f]}
      value={v[f]}
      errors={errorsOf(byField, f)}
      errorParts={dateProblems[f]?.parts}
      onChange={(parts) => set(f, parts)}
    />
  );
  const prefErrors = errorsOf(byField, 'unitPreferences');
  const prefIdBase = ids.unitPreferences.replace(/-0$/, '');
  const unitOptions = reference.units.map((u) => ({ value: u.code, label: u.name }));

  return (
    <>
      <Radios
        id={ids.route}
        legend="Entry route"
        errors={errorsOf(byField, 'route')}
        value={v.route}
        onChange={(value) => set('route', value)}
        options={routes.map((r) => ({ value: r, label: routeLabels[r] }))}
      />
      {isPoliceNow &&
        text('cohortYear', 'Cohort year', {
          inputMode: 'numeric',
          className: 'govuk-input--width-4',
          hint: 'The year the Police Now programme starts, for example 2027.',
        })}
      <div className="app-inline-fields">
        {text('firstName', 'First name', { autoComplete: 'off' })}
        {text('lastName', 'Last name', { autoComplete: 'off' })}
      </div>
      {text('email', 'Email address', { type: 'email', spellCheck: false, autoComplete: 'off' })}
      {text('phone', 'Phone (optional)', { type: 'tel', autoComplete: 'off', className: 'govuk-input--width-20' })}
      {date('dateOfBirth')}
      {isTransferee && (
        <>
          <Select
            id={ids.currentForce}
            label="Current force"
            placeholder="Choose a force"
            value={v.currentForce}
            errors={errorsOf(byField, 'currentForce')}
            onChange={(e) => set('currentForce', e.target.value)}
            options={reference.forces.map((f) => ({ value: f, label: f }))}
          />
          <Radios
            id={ids.rank}
            legend="Rank"
            isInline
            errors={errorsOf(byField, 'rank')}
            value={v.rank}
            onChange={(value) => set('rank', value)}
            options={[
              { value: 'PC', label: 'PC (uniform)' },
              { value: 'DC', label: 'DC (detective)' },
            ]}
          />
          {text('warrantNumber', 'Warrant number (optional)', { autoComplete: 'off', className: 'govuk-input--width-10' })}
          {date('joinedForceOn')}
        </>
      )}
      <div className={['govuk-form-group', prefErrors ? 'govuk-form-group--error' : ''].join(' ')}>
        <fieldset
          className="govuk-fieldset"
          aria-describedby={[`${prefIdBase}-hint`, prefErrors ? `${prefIdBase}-error` : ''].filter(Boolean).join(' ')}
        >
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Unit preferences (optional)</legend>
          <div id={`${prefIdBase}-hint`} className="govuk-hint">
            The units the candidate would join, most wanted first. Choose each unit once.
          </div>
          <ErrorMessage id={prefIdBase} errors={prefErrors} />
          <div className="app-inline-fields">
            {v.unitPreferences.map((value, i) => (
              <Select
                key={i}
                id={`${prefIdBase}-${i}`}
                label={`${ordinals[i] ?? `${i + 1}th`} choice`}
                placeholder="No preference"
                value={value}
                onChange={(e) => {
                  const next = [...v.unitPreferences];
                  next[i] = e.target.value;
                  set('unitPreferences', next);
                }}
                options={unitOptions}
              />
            ))}
          </div>
        </fieldset>
      </div>
      {text('postingPreference', 'Posting preference (optional)', {
        hint: 'A posting the candidate asks for, such as MO3.',
        autoComplete: 'off',
        className: 'govuk-input--width-10',
      })}
      <Textarea
        id={ids.specialistSkills}
        label="Specialist skills and qualifications (optional)"
        hint="One a line, for example Advanced driver."
        value={v.specialistSkills}
        errors={errorsOf(byField, 'specialistSkills')}
        onChange={(e) => set('specialistSkills', e.target.value)}
        rows={4}
      />
    </>
  );
}
