import type { Course, CourseJoiner } from '@muster/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { formatLongDate, londonToday } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { useCourses, useRecordAttendance, useStartedCourses } from '../hooks/use-courses.ts';
import { AddCourse } from './add-course.tsx';
import { CancelCourseDialog } from './cancel-course-dialog.tsx';
import { EditCourseDialog } from './edit-course-dialog.tsx';

/** The induction courses, kept by coordinators and the admin: what is to come, how full, who is on each. */
export function CoursesPage() {
  usePageTitle('Induction courses');
  const me = useMe();
  if (!me.may.courses) {
    return (
      <>
        <h1 className="govuk-heading-l">Induction courses</h1>
        <p className="govuk-body">Induction courses are kept by the coordinators and the admin.</p>
      </>
    );
  }
  return <Courses />;
}

/** What was last done, for a banner: a success, or someone else's change that stopped it. */
type Outcome = { n: number; kind: 'success' | 'important'; text: string };

function Courses() {
  const [isCancelledShown, setCancelledShown] = useState(false);
  const courses = useCourses(isCancelledShown);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tell = (kind: Outcome['kind'], text: string) => setOutcome((o) => ({ n: (o?.n ?? 0) + 1, kind, text }));
  // The course being changed or cancelled, by id: the freshest copy from the list carries its version.
  const [changing, setChanging] = useState<{ id: number; to: 'edit' | 'cancel' } | null>(null);
  const changed = changing ? (courses.data?.find((c) => c.id === changing.id) ?? null) : null;
  const close = () => setChanging(null);
  const done = (text: string) => {
    setChanging(null);
    tell('success', text);
  };
  const conflict = (text: string) => {
    setChanging(null);
    tell('important', text);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Induction courses</h1>
      {outcome && (
        <NotificationBanner
          key={outcome.n}
          variant={outcome.kind}
          heading={outcome.text}
          isAlert
          title={outcome.kind === 'important' ? 'Not saved' : undefined}
        />
      )}
      <EditCourseDialog course={changing?.to === 'edit' ? changed : null} onClose={close} onSaved={done} onConflict={conflict} />
      <CancelCourseDialog
        course={changing?.to === 'cancel' ? changed : null}
        onClose={close}
        onCancelled={done}
        onConflict={conflict}
      />
      <section className="app-section" aria-labelledby="courses-title">
        <h2 className="govuk-heading-m" id="courses-title">
          Courses to come
        </h2>
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="courses-show-cancelled"
              type="checkbox"
              checked={isCancelledShown}
              onChange={(e) => setCancelledShown(e.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="courses-show-cancelled">
              Show cancelled courses
            </label>
          </div>
        </div>
        {courses.isError && !courses.data && <p className="govuk-error-message">{errorMessage(courses.error)}</p>}
        {courses.data ? (
          courses.data.length ? (
            <CourseTable
              courses={courses.data}
              isBusy={courses.isPlaceholderData}
              onEdit={(c) => setChanging({ id: c.id, to: 'edit' })}
              onCancel={(c) => setChanging({ id: c.id, to: 'cancel' })}
            />
          ) : (
            <p className="govuk-body">No induction course is scheduled from today. Add one below.</p>
          )
        ) : (
          !courses.isError && <Loading what="Loading the courses" />
        )}
      </section>
      <StartedCourses onRecorded={(text) => tell('success', text)} />
      <AddCourse onAdded={(text) => tell('success', text)} />
    </>
  );
}

function CourseTable({
  courses,
  isBusy,
  onEdit,
  onCancel,
}: {
  courses: Course[];
  isBusy: boolean;
  onEdit: (c: Course) => void;
  onCancel: (c: Course) => void;
}) {
  return (
    <Table
      label="Table of induction courses"
      caption="Induction courses from today, soonest first"
      captionClassName="govuk-visually-hidden"
      isBusy={isBusy}
      columns={[
        { label: 'Start date' },
        { label: 'Place' },
        { label: 'Booked' },
        { label: 'Status' },
        { label: 'Joiners' },
        { label: 'Waiting list' },
        { label: <span className="govuk-visually-hidden">Actions</span> },
      ]}
    >
      {courses.map((c) => {
        const name = `${formatLongDate(c.startsOn)}, ${c.place}`;
        const isFull = c.status === 'scheduled' && c.booked >= c.capacity;
        return (
          <tr className="govuk-table__row" key={c.id}>
            <td className="govuk-table__cell app-table__nowrap">{formatLongDate(c.startsOn)}</td>
            <td className="govuk-table__cell">{c.place}</td>
            <td className="govuk-table__cell app-table__nowrap">
              {c.booked} of {c.capacity}
            </td>
            <td className="govuk-table__cell">
              {c.status === 'cancelled' ? (
                <>
                  <strong className="govuk-tag govuk-tag--grey">Cancelled</strong>
                  {c.cancelReason && (
                    <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{c.cancelReason}</p>
                  )}
                </>
              ) : isFull ? (
                <strong className="govuk-tag govuk-tag--orange">Full</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--blue">Scheduled</strong>
              )}
            </td>
            <td className="govuk-table__cell">
              <Joiners course={c} />
            </td>
            <td className="govuk-table__cell">
              <Waiting course={c} />
            </td>
            <td className="govuk-table__cell app-table__nowrap">
              {c.status === 'scheduled' && (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  <li>
                    <button type="button" className="app-link-button govuk-link" onClick={() => onEdit(c)}>
                      Change<span className="govuk-visually-hidden"> the course on {name}</span>
                    </button>
                  </li>
                  <li>
                    <button type="button" className="app-link-button govuk-link" onClick={() => onCancel(c)}>
                      Cancel<span className="govuk-visually-hidden"> the course on {name}</span>
                    </button>
                  </li>
                </ul>
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

/** A course's waiting list in order, each joiner linked to their case, with any place offered them. */
function Waiting({ course }: { course: Course }) {
  if (!course.waiting.length) return <span className="app-muted">None</span>;
  return (
    <ol
      className="govuk-list govuk-list--number govuk-body-s"
      aria-label={`Waiting list of the course on ${formatLongDate(course.startsOn)}`}
    >
      {course.waiting.map((w) => (
        <li key={w.applicationId}>
          <Link className="govuk-link" to={`/cases/${w.applicationId}`}>
            {w.name}
          </Link>{' '}
          {w.offeredAt && (
            <strong className={`govuk-tag ${w.isOfferHeld ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
              {w.isOfferHeld ? 'Place offered' : 'Offer lapsed'}
            </strong>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Courses that have started: record whether each joiner on them attended. */
function StartedCourses({ onRecorded }: { onRecorded: (text: string) => void }) {
  const today = londonToday();
  const courses = useStartedCourses(today);
  if (!courses.data?.some((c) => c.joiners?.length)) return null;
  return (
    <section className="app-section" aria-labelledby="started-title">
      <h2 className="govuk-heading-m" id="started-title">
        Attendance on courses that have started
      </h2>
      {courses.data
        .filter((c) => c.joiners?.length)
        .map((c) => (
          <div key={c.id}>
            <h3 className="govuk-heading-s">
              {formatLongDate(c.startsOn)}, {c.place}
            </h3>
            <ul className="govuk-list">
              {(c.joiners ?? []).map((j) => (
                <AttendanceRow key={j.applicationId} joiner={j} onRecorded={onRecorded} />
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

function AttendanceRow({ joiner: j, onRecorded }: { joiner: CourseJoiner; onRecorded: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const record = useRecordAttendance(() => onRecorded(`Attendance recorded for ${j.name}.`));
  const id = `attendance-reason-${j.applicationId}`;
  if (j.attendance === 'attended') return <li>{j.name}: attended</li>;
  return (
    <li>
      <form
        noValidate
        aria-label={`Attendance of ${j.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate({ id: j.applicationId, expectedVersion: j.version, attended: false, reason: reason || undefined });
        }}
      >
        <p className="govuk-body govuk-!-margin-bottom-1">
          <Link className="govuk-link" to={`/cases/${j.applicationId}`}>
            {j.name}
          </Link>{' '}
          <span className="app-muted">{j.reference}</span>
        </p>
        {record.error && <p className="govuk-error-message">{errorMessage(record.error)}</p>}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-right-2"
          disabled={record.isPending}
          onClick={() => record.mutate({ id: j.applicationId, expectedVersion: j.version, attended: true })}
        >
          Attended<span className="govuk-visually-hidden">: {j.name}</span>
        </button>
        <label className="govuk-label" htmlFor={id}>
          Why {j.name} did not attend
        </label>
        <input className="govuk-input govuk-input--width-20" id={id} value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
        <button type="submit" className="govuk-button govuk-button--warning" disabled={record.isPending}>
          Did not attend<span className="govuk-visually-hidden">: {j.name}</span>
        </button>
      </form>
    </li>
  );
}

/** The joiners on a course, each linked to their case; folded away behind their number. */
function Joiners({ course }: { course: Course }) {
  const joiners = course.joiners ?? [];
  if (!joiners.length) return <span className="app-muted">{course.booked ? plural(course.booked, 'joiner') : 'None yet'}</span>;
  // Joiners the reader may not open (a case moved back before induction) are counted, not named.
  const hidden = course.booked - joiners.length;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {plural(course.booked, 'joiner')}
          <span className="govuk-visually-hidden"> on the course on {formatLongDate(course.startsOn)}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-body-s">
          {joiners.map((j) => (
            <li key={j.applicationId}>
              <Link className="govuk-link" to={`/cases/${j.applicationId}`}>
                {j.name}
              </Link>{' '}
              <span className="app-muted">{j.reference}</span>
            </li>
          ))}
          {hidden > 0 && <li className="app-muted">and {plural(hidden, 'other')} you cannot open</li>}
        </ul>
      </div>
    </details>
  );
}
