import type { Course } from '@muster/contracts';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { isStaleVersion } from '../../../components/form-errors.ts';
import type { DateProblem } from '../../../lib/date-parts.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useUpdateCourse } from '../hooks/use-courses.ts';
import { CourseFields, courseFormErrors, courseName, draftOf, readDraft } from './course-fields.tsx';

const prefix = 'edit-course';

/** Changes a course's date, place or places, at the version read. */
export function EditCourseDialog({
  course,
  onClose,
  onSaved,
  onConflict,
}: {
  course: Course | null;
  onClose: () => void;
  onSaved: (text: string) => void;
  /** Someone else changed the course first: the page says so and shows it as it is now. */
  onConflict: (text: string) => void;
}) {
  return (
    <Dialog isOpen={course !== null} title={course ? `Change the course on ${courseName(course)}` : ''} onClose={onClose}>
      {/* A form of its own for each course: it starts from that course's values. */}
      {course && <EditCourseForm key={course.id} course={course} onClose={onClose} onSaved={onSaved} onConflict={onConflict} />}
    </Dialog>
  );
}

function EditCourseForm({
  course,
  onClose,
  onSaved,
  onConflict,
}: {
  course: Course;
  onClose: () => void;
  onSaved: (text: string) => void;
  onConflict: (text: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(course));
  const [dateProblem, setDateProblem] = useState<DateProblem | null>(null);
  const update = useUpdateCourse((c) => onSaved(`Course changed: ${courseName(c)}, ${plural(c.capacity, 'place')}.`));
  const { byField, summary } = courseFormErrors(prefix, dateProblem, update.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const read = readDraft(draft);
        if ('problem' in read) {
          setDateProblem(read.problem);
          update.reset();
          return;
        }
        setDateProblem(null);
        update.mutate(
          { id: course.id, expectedVersion: course.version, ...read.values },
          {
            onError: (error) => {
              if (isStaleVersion(error)) onConflict(errorMessage(error));
            },
          },
        );
      }}
    >
      <ErrorSummary errors={summary} />
      <p className="govuk-body">
        {course.booked
          ? `${plural(course.booked, 'joiner')} ${course.booked === 1 ? 'is' : 'are'} booked on it: it takes at least ${course.booked}.`
          : 'Nobody is booked on it yet.'}
      </p>
      <CourseFields prefix={prefix} draft={draft} onChange={setDraft} byField={byField} dateProblem={dateProblem} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={update.isPending}>
          Save changes
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
