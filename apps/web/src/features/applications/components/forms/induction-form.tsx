import type { ApplicationDetail, UnitCode } from '@muster/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { DateInput, Select } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { dateErrors, datePartsOf, parseDate, readDates, type DateProblem } from '../../../../lib/date-parts.ts';
import { formatDate } from '../../../../lib/dates.ts';
import type { Reference } from '@muster/contracts';
import { useMe } from '../../../../lib/session.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = {
  courseId: 'induction-courseId',
  startDate: 'induction-startDate-day',
  postingUnit: 'induction-postingUnit',
  postingPlace: 'induction-postingPlace',
};

const dateIds = { startDate: 'induction-startDate' };
const startDateLabel = 'Start date';

/**
 * Books an induction course and sets the start date and posting (unit and place). A case already
 * booked shows its course chosen, and says which it is, even once the course has started (the
 * reference lists only courses to come).
 */
export function InductionForm({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const trpc = useTRPC();
  const b = detail.induction;
  const [courseId, setCourseId] = useState(b ? String(b.courseId) : '');
  const [startDate, setStartDate] = useState(() => datePartsOf(b?.startDate));
  // A start date that could not be read when the form was last sent: shown instead of sending it.
  const [dateProblems, setDateProblems] = useState<{ startDate?: DateProblem }>({});
  const [postingUnit, setPostingUnit] = useState<string>(b?.postingUnit ?? detail.targetUnit ?? '');
  const [postingPlace, setPostingPlace] = useState(b?.postingPlace ?? '');
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => setSaved(true));
  const queryClient = useQueryClient();
  const me = useMe();
  // A booking changes how full its course is; a refusal (full, cancelled) may mean the courses offered are out of date.
  const refreshCourses = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.reference.all.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.courses.list.pathKey() });
  };
  const mutation = useMutation(
    trpc.applications.bookInduction.mutationOptions({
      onSuccess: (d) => {
        write.onSuccess(d);
        refreshCourses();
      },
      onError: (e) => {
        write.onError(e);
        refreshCourses();
      },
    }),
  );
  const { byField, summary } = dateProblems.startDate
    ? dateErrors(dateProblems, dateIds)
    : formErrors(mutation.error, ids, ids.courseId);
  const courses = reference.inductionCourses.map((c) => ({
    value: String(c.id),
    label: `${formatDate(c.startsOn)}, ${c.place} (${c.booked} of ${c.capacity} booked)`,
    isDisabled: c.booked >= c.capacity && c.id !== b?.courseId,
  }));
  if (b && !reference.inductionCourses.some((c) => c.id === b.courseId)) {
    courses.unshift({ value: String(b.courseId), label: `${formatDate(b.courseStartsOn)}, ${b.coursePlace}`, isDisabled: false });
  }
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
        const dates = readDates({ startDate: { parts: startDate, label: startDateLabel } });
        setDateProblems(dates.problems);
        if (dates.hasProblems) {
          mutation.reset();
          return;
        }
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          courseId: courseId ? Number(courseId) : (undefined as unknown as number),
          startDate: dates.isos.startDate,
          postingUnit: (postingUnit || undefined) as UnitCode,
          postingPlace,
        });
      }}
    >
      <ErrorSummary errors={summary} />
      {!reference.inductionCourses.length && (
        <p className="govuk-inset-text">
          No induction course is scheduled from today.{' '}
          {me.may.courses ? (
            <>
              Add one on the <Link to="/courses">Courses</Link> page.
            </>
          ) : (
            'The coordinators add them.'
          )}
        </p>
      )}
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Induction booked.
        </p>
      )}
      <Select
        id={ids.courseId}
        label="Induction course"
        hint={
          b || earliest ? (
            <>
              {b && (
                <>
                  Booked on the course starting {formatDate(b.courseStartsOn)}, {b.coursePlace}. Choose another to move the
                  booking.{' '}
                </>
              )}
              {earliest &&
                `A transferee starts at least ${transfereeNoticeDays} days after the final offer: not before ${formatDate(earliest)}.`}
            </>
          ) : undefined
        }
        placeholder="Choose a course"
        value={courseId}
        errors={byField.courseId}
        onChange={(ev) => {
          setCourseId(ev.target.value);
          const course = reference.inductionCourses.find((c) => String(c.id) === ev.target.value);
          // A start date not yet given, or before the course, moves to the course's first day.
          const start = parseDate(startDate, startDateLabel).iso;
          if (course && (!start || start < course.startsOn)) setStartDate(datePartsOf(course.startsOn));
        }}
        options={courses}
      />
      <DateInput
        id={dateIds.startDate}
        legend={startDateLabel}
        hint="For example, 27 3 2027"
        value={startDate}
        errors={byField.startDate}
        errorParts={dateProblems.startDate?.parts}
        onChange={setStartDate}
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
