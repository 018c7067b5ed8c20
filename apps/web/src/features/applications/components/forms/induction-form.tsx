import type { ApplicationDetail, UnitCode } from '@muster/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { DateInput, Radios, Select } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { dateErrors, datePartsOf, parseDate, readDates, type DateProblem } from '../../../../lib/date-parts.ts';
import { formatDate } from '../../../../lib/dates.ts';
import { fieldCodes } from '../../../../lib/errors.ts';
import type { Reference } from '@muster/contracts';
import { useMe } from '../../../../lib/session.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = {
  courseId: 'induction-courseId',
  startDate: 'induction-startDate-day',
  postingUnit: 'induction-postingUnit',
  postingPlace: 'induction-postingPlace',
  postingRole: 'induction-postingRole',
  waitlist: 'induction-waitlist',
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
  const [postingRole, setPostingRole] = useState(b?.postingRole ?? '');
  // A full course: book the joiner on its waiting list instead ('yes'), or not ('no', choose another).
  const [waitlist, setWaitlist] = useState('');
  const [saved, setSaved] = useState<'booked' | 'waiting' | false>(false);
  const write = useApplicationWrite(detail.id, () => setSaved(waitlist === 'yes' ? 'waiting' : 'booked'));
  const queryClient = useQueryClient();
  const me = useMe();
  // A booking changes how full its course is; a refusal (full, cancelled) may mean the courses offered are out of date.
  const refreshCourses = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.reference.all.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.courses.list.pathKey() });
  };
  const mutation = useMutation(
    trpc.courses.book.mutationOptions({
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
    label: `${formatDate(c.startsOn)}, ${c.place} (${c.booked} of ${c.capacity} booked${c.booked >= c.capacity ? `, full: ${c.waiting} waiting` : ''})`,
    isDisabled: false,
  }));
  const chosen = reference.inductionCourses.find((c) => String(c.id) === courseId);
  // Full as the list says, or as the server said (places held for joiners offered them).
  const isFull =
    (!!chosen && chosen.booked >= chosen.capacity && chosen.id !== b?.courseId) ||
    (fieldCodes(mutation.error).courseId ?? []).includes('induction.course_full');
  if (b && !reference.inductionCourses.some((c) => c.id === b.courseId)) {
    courses.unshift({ value: String(b.courseId), label: `${formatDate(b.courseStartsOn)}, ${b.coursePlace}`, isDisabled: false });
  }
  const unitRef = reference.units.find((u) => u.code === postingUnit);
  const places = unitRef?.postingPlaces ?? [];
  const roles = unitRef?.postingRoles ?? [];
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
          postingRole: roles.length ? postingRole || null : null,
          waitlist: isFull && waitlist === 'yes',
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
          {saved === 'waiting' ? 'Added to the waiting list.' : 'Induction booked.'}
        </p>
      )}
      {b?.attendance === 'attended' && <p className="govuk-body">Attended the course starting {formatDate(b.courseStartsOn)}.</p>}
      {detail.inductionWaiting.length > 0 && (
        <ul className="govuk-list" aria-label="Waiting lists">
          {detail.inductionWaiting.map((w) => (
            <li key={w.courseId}>
              Number {w.position} on the waiting list of the course starting {formatDate(w.courseStartsOn)}, {w.coursePlace}
              {w.isOfferHeld && w.offeredAt
                ? `: offered a place on ${formatDate(w.offeredAt.slice(0, 10))}, held for 3 days. Book them on this course.`
                : w.offeredAt
                  ? `: offered a place on ${formatDate(w.offeredAt.slice(0, 10))}; the hold has lapsed.`
                  : '.'}
            </li>
          ))}
        </ul>
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
      {isFull && (
        <Radios
          id={ids.waitlist}
          legend="This course is full. Add the joiner to its waiting list?"
          hint={`${chosen?.waiting ?? 0} waiting. When a place frees, the first waiting is offered it and it is held for them for 3 days.`}
          value={waitlist}
          onChange={setWaitlist}
          options={[
            { value: 'yes', label: 'Yes, add them to the waiting list' },
            { value: 'no', label: 'No, I will choose another course' },
          ]}
        />
      )}
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
            setPostingRole('');
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
        {roles.length > 0 && (
          <Select
            id={ids.postingRole}
            label="MetCC role"
            placeholder="Choose a role"
            value={postingRole}
            errors={byField.postingRole}
            onChange={(ev) => setPostingRole(ev.target.value)}
            options={roles.map((r) => ({ value: r, label: r }))}
          />
        )}
      </div>
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        {isFull && waitlist === 'yes' ? 'Add to the waiting list' : 'Book induction'}
      </button>
    </form>
  );
}
