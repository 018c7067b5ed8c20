import type { ApplicationDetail, UnitCode } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Select, TextInput } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { formatDate } from '../../../../lib/dates.ts';
import type { Reference } from '@muster/contracts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = {
  courseId: 'induction-courseId',
  startDate: 'induction-startDate',
  postingUnit: 'induction-postingUnit',
  postingPlace: 'induction-postingPlace',
};

/** Books an induction course and sets the start date and posting (unit and place). */
export function InductionForm({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const trpc = useTRPC();
  const b = detail.induction;
  const [courseId, setCourseId] = useState(b ? String(b.courseId) : '');
  const [startDate, setStartDate] = useState(b?.startDate ?? '');
  const [postingUnit, setPostingUnit] = useState<string>(b?.postingUnit ?? detail.targetUnit ?? '');
  const [postingPlace, setPostingPlace] = useState(b?.postingPlace ?? '');
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => setSaved(true));
  const mutation = useMutation(trpc.applications.bookInduction.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, ids, ids.courseId);
  const places = reference.units.find((u) => u.code === postingUnit)?.places ?? [];
  // The server says the first start date the gate accepts, and the notice period it comes from.
  const earliest = detail.earliestStartDate;
  const { transfereeNoticeDays } = reference.settings;
  return (
    <form
      noValidate
      aria-label="Book induction"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          courseId: courseId ? Number(courseId) : (undefined as unknown as number),
          startDate,
          postingUnit: (postingUnit || undefined) as UnitCode,
          postingPlace,
        });
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Induction booked.
        </p>
      )}
      <Select
        id={ids.courseId}
        label="Induction course"
        hint={
          earliest
            ? `A transferee starts at least ${transfereeNoticeDays} days after the final offer: not before ${formatDate(earliest)}.`
            : undefined
        }
        placeholder="Choose a course"
        value={courseId}
        errors={byField.courseId}
        onChange={(ev) => {
          setCourseId(ev.target.value);
          const course = reference.inductionCourses.find((c) => String(c.id) === ev.target.value);
          if (course && (!startDate || startDate < course.startsOn)) setStartDate(course.startsOn);
        }}
        options={reference.inductionCourses.map((c) => ({
          value: String(c.id),
          label: `${formatDate(c.startsOn)}, ${c.place} (${c.booked} of ${c.capacity} booked)`,
          isDisabled: c.booked >= c.capacity && c.id !== b?.courseId,
        }))}
      />
      <TextInput
        id={ids.startDate}
        label="Start date"
        type="date"
        value={startDate}
        errors={byField.startDate}
        onChange={(ev) => setStartDate(ev.target.value)}
        className="app-input-date"
      />
      <div className="app-inline-fields">
        <Select
          id={ids.postingUnit}
          label="Posting unit"
          placeholder="Choose a unit"
          value={postingUnit}
          errors={byField.postingUnit}
          onChange={(ev) => {
            setPostingUnit(ev.target.value);
            setPostingPlace('');
          }}
          options={reference.units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <Select
          id={ids.postingPlace}
          label="Posting place"
          placeholder="Choose a place"
          value={postingPlace}
          errors={byField.postingPlace}
          onChange={(ev) => setPostingPlace(ev.target.value)}
          options={places.map((p) => ({ value: p, label: p }))}
        />
      </div>
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Book induction
      </button>
    </form>
  );
}
