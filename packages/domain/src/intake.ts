import { importColumns, ImportRow, type DuplicateMatch, type ImportColumn } from '@muster/contracts';
import { cohortYearProblems } from './eligibility-rules.ts';
import { homeOfficeForces, metForce } from './reference.ts';
import { controlCharacterIn } from './text-file.ts';

const fieldOfColumn: Record<ImportColumn, string> = {
  reference: 'reference',
  received_at: 'receivedAt',
  route: 'route',
  cohort_year: 'cohortYear',
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  date_of_birth: 'dateOfBirth',
  current_force: 'currentForce',
  rank: 'rank',
  warrant_number: 'warrantNumber',
  joined_force_on: 'joinedForceOn',
  unit_preferences: 'unitPreferences',
  posting_preference: 'postingPreference',
  specialist_skills: 'specialistSkills',
  notes: 'notes',
};
const columnOfField = Object.fromEntries(Object.entries(fieldOfColumn).map(([c, f]) => [f, c])) as Record<string, ImportColumn>;

/** Where each column sits in the file; every problem with the header row, in words. */
export function readHeader(header: string[]): { index: Record<ImportColumn, number>; errors: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = importColumns.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const errors = [
    ...(missing.length ? [`The header row lacks these columns: ${missing.join(', ')}.`] : []),
    ...(unknown.length ? [`The header row has columns Muster does not know: ${unknown.join(', ')}.`] : []),
    ...(repeated.length ? [`These columns appear twice: ${[...new Set(repeated)].join(', ')}.`] : []),
  ];
  return { index: Object.fromEntries(importColumns.map((c) => [c, names.indexOf(c)])) as Record<ImportColumn, number>, errors };
}

/** A value from the file quoted back in a message or a report: at most `max` characters. */
export const quoted = (v: string, max = 60) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

const list = (v: string) =>
  v
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Turns one CSV row into a validated import row, or the problems with it, each naming its column.
 * A refused row's reference and name are cut to a readable length: they go back into the report.
 */
export function readImportRow(
  fields: string[],
  index: Record<ImportColumn, number>,
  today: string,
): { row: ImportRow; errors: [] } | { row: null; errors: string[]; reference: string; name: string } {
  const raw = (c: ImportColumn) => (fields[index[c]] ?? '').trim();
  const optional = (c: ImportColumn) => raw(c) || null;
  const receivedAt = raw('received_at');
  const cohort = raw('cohort_year');
  const candidate = {
    reference: raw('reference'),
    receivedAt: /^\d{4}-\d{2}-\d{2}$/.test(receivedAt) ? `${receivedAt}T00:00:00Z` : receivedAt,
    route: raw('route'),
    cohortYear: cohort === '' ? null : /^\d+$/.test(cohort) ? Number(cohort) : cohort,
    firstName: raw('first_name'),
    lastName: raw('last_name'),
    email: raw('email'),
    phone: optional('phone'),
    dateOfBirth: raw('date_of_birth'),
    currentForce: optional('current_force'),
    rank: optional('rank')?.toUpperCase() ?? null,
    warrantNumber: optional('warrant_number'),
    joinedForceOn: optional('joined_force_on'),
    unitPreferences: list(raw('unit_preferences')).map((u) => u.toUpperCase()),
    postingPreference: optional('posting_preference'),
    specialistSkills: list(raw('specialist_skills')),
    notes: optional('notes'),
  };
  const refused = (errors: string[]) => ({
    row: null,
    errors,
    reference: quoted(candidate.reference, 40),
    name: quoted(`${candidate.firstName} ${candidate.lastName}`.trim(), 100),
  });
  // Text only: a NUL or other control character means a damaged file or one that is not a CSV export.
  const controls = importColumns.flatMap((c) => {
    const found = controlCharacterIn(fields[index[c]] ?? '');
    return found
      ? [`${c}: has a control character (${found}), which is not text: the file may be damaged. Remove it and import again.`]
      : [];
  });
  if (controls.length) return refused(controls);
  const parsed = ImportRow.safeParse(candidate);
  const errors: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = columnOfField[field] ?? field;
      errors.push(column ? `${column}: ${issue.message}` : issue.message);
    }
  }
  const force = candidate.currentForce;
  if (force && (force === metForce || !(homeOfficeForces as readonly string[]).includes(force))) {
    errors.push(
      `current_force: "${quoted(force)}" is not one of the other 42 Home Office forces; use the force's full name, e.g. "Kent Police".`,
    );
  }
  if (parsed.success) {
    errors.push(...cohortYearProblems(parsed.data, today).map((p) => `cohort_year: ${p.message}`));
  }
  if (errors.length || !parsed.success) return refused(errors);
  return { row: parsed.data, errors: [] };
}

/** What identifies a person for duplicate checks. */
export type PersonKeys = {
  email: string;
  currentForce: string | null;
  warrantNumber: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
};

export const duplicateMatchLabels: Record<DuplicateMatch, string> = {
  same_email: 'same email address',
  same_warrant: 'same warrant number in the same force',
  same_name_dob: 'same name and date of birth',
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The keys under which a person is indexed for duplicate checks. */
export function duplicateKeys(p: PersonKeys): { match: DuplicateMatch; key: string }[] {
  return [
    { match: 'same_email' as const, key: `e:${norm(p.email)}` },
    ...(p.currentForce && p.warrantNumber
      ? [{ match: 'same_warrant' as const, key: `w:${norm(p.currentForce)}|${norm(p.warrantNumber)}` }]
      : []),
    { match: 'same_name_dob' as const, key: `n:${norm(p.firstName)}|${norm(p.lastName)}|${p.dateOfBirth}` },
  ];
}

/** An earlier case a newer one is linked to as a possible duplicate, with the rules they share. */
export type DuplicateLink = { id: number | null; reference: string; matches: DuplicateMatch[] };

/**
 * The first case under each duplicate key, so that matching stays linear: a newer case is linked to
 * the first case with each key it has (at most one a key), not to every case before it. A group of N
 * cases with one email gives N-1 links, not N²/2. Add cases oldest first: existing cases by id, then
 * the rows of a file in order (`id` null until written).
 */
export class DuplicateIndex {
  private readonly first = new Map<string, { id: number | null; reference: string }>();

  /** Records a case under each of its keys where no earlier case is; returns the earlier cases it matches. */
  add(person: PersonKeys, c: { id: number | null; reference: string }): DuplicateLink[] {
    const links = new Map<string, DuplicateLink>();
    for (const k of duplicateKeys(person)) {
      const earlier = this.first.get(k.key);
      if (!earlier) {
        this.first.set(k.key, c);
        continue;
      }
      if (earlier.reference === c.reference) continue;
      const link = links.get(earlier.reference) ?? { ...earlier, matches: [] };
      link.matches.push(k.match);
      links.set(earlier.reference, link);
    }
    return [...links.values()];
  }

  /** Records `c` as the first under `key` unless a case is there already (for existing cases, by id). */
  addFirst(key: string, c: { id: number | null; reference: string }): void {
    if (!this.first.has(key)) this.first.set(key, c);
  }

  /** The first case under `key`, if any. */
  firstWith(key: string): { id: number | null; reference: string } | undefined {
    return this.first.get(key);
  }
}
