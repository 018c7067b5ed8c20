import type { Course } from '@muster/contracts';
import { DateInput, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { dateErrors, datePartsOf, noDate, parseDate, type DateParts, type DateProblem } from '../../../lib/date-parts.ts';
import { formatLongDate } from '../../../lib/dates.ts';

/** What a course form holds, as typed. */
export type CourseDraft = { startsOn: DateParts; place: string; capacity: string };

export const emptyDraft: CourseDraft = { startsOn: noDate, place: '', capacity: '' };

export const draftOf = (c: Course): CourseDraft => ({
  startsOn: datePartsOf(c.startsOn),
  place: c.place,
  capacity: String(c.capacity),
});

/** "14 December 2026, Peel Centre, Hendon": a course as the page names it. */
export const courseName = (c: Pick<Course, 'startsOn' | 'place'>) => `${formatLongDate(c.startsOn)}, ${c.place}`;

/** A number typed, or NaN for an empty box, which the server names as missing. */
const numberOf = (text: string) => (text.trim() ? Number(text.trim()) : Number.NaN);

/**
 * Reads the form before it is sent: the course's values for the server, or what is wrong with the
 * date as typed (the rules of a course are the server's to say).
 */
export function readDraft(
  draft: CourseDraft,
): { values: { startsOn: string; place: string; capacity: number } } | { problem: DateProblem } {
  const date = parseDate(draft.startsOn, 'The start date');
  if (date.problem) return { problem: date.problem };
  return { values: { startsOn: date.iso, place: draft.place, capacity: numberOf(draft.capacity) } };
}

/** The ids of a form's inputs, by the server's name of each field. */
export const fieldIdsOf = (prefix: string) => ({
  startsOn: `${prefix}-startsOn-day`,
  place: `${prefix}-place`,
  capacity: `${prefix}-capacity`,
});

/** The errors a course form shows: the date as typed if it cannot be read, else what the server said. */
export function courseFormErrors(prefix: string, dateProblem: DateProblem | null, error: unknown) {
  if (dateProblem) return dateErrors({ startsOn: dateProblem }, { startsOn: `${prefix}-startsOn` });
  return formErrors(error, fieldIdsOf(prefix), `${prefix}-startsOn-day`);
}

/** The date a course starts, where, and how many joiners it takes. */
export function CourseFields({
  prefix,
  draft,
  onChange,
  byField,
  dateProblem,
}: {
  prefix: string;
  draft: CourseDraft;
  onChange: (draft: CourseDraft) => void;
  byField: Record<string, string[]>;
  dateProblem: DateProblem | null;
}) {
  return (
    <>
      <DateInput
        id={`${prefix}-startsOn`}
        legend="Start date"
        hint="For example, 14 12 2026"
        errors={byField.startsOn}
        errorParts={dateProblem?.parts}
        value={draft.startsOn}
        onChange={(startsOn) => onChange({ ...draft, startsOn })}
      />
      <TextInput
        id={`${prefix}-place`}
        label="Place"
        hint="Where the course takes place, for example “Peel Centre, Hendon”."
        errors={byField.place}
        value={draft.place}
        onChange={(e) => onChange({ ...draft, place: e.target.value })}
        maxLength={120}
        autoComplete="off"
      />
      <TextInput
        id={`${prefix}-capacity`}
        label="Places"
        hint="How many joiners the course takes, from 1 to 200."
        className="govuk-input--width-3"
        inputMode="numeric"
        autoComplete="off"
        errors={byField.capacity}
        value={draft.capacity}
        onChange={(e) => onChange({ ...draft, capacity: e.target.value })}
      />
    </>
  );
}
