import { useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import type { DateProblem } from '../../../lib/date-parts.ts';
import { plural } from '../../../lib/plural.ts';
import { useCreateCourse } from '../hooks/use-courses.ts';
import { CourseFields, courseFormErrors, courseName, emptyDraft, readDraft } from './course-fields.tsx';

const prefix = 'new-course';

/** Adds an induction course: from then on it is offered when a joiner is booked. */
export function AddCourse({ onAdded }: { onAdded: (text: string) => void }) {
  const [draft, setDraft] = useState(emptyDraft);
  const [dateProblem, setDateProblem] = useState<DateProblem | null>(null);
  const create = useCreateCourse((c) => {
    setDraft(emptyDraft);
    onAdded(`Course added: ${courseName(c)}, ${plural(c.capacity, 'place')}. It can now be booked.`);
  });
  const { byField, summary } = courseFormErrors(prefix, dateProblem, create.error);
  return (
    <section className="app-section" aria-labelledby="add-course-title">
      <form
        noValidate
        aria-labelledby="add-course-title"
        className="govuk-!-width-two-thirds"
        onSubmit={(e) => {
          e.preventDefault();
          const read = readDraft(draft);
          if ('problem' in read) {
            setDateProblem(read.problem);
            create.reset();
            return;
          }
          setDateProblem(null);
          create.mutate(read.values);
        }}
      >
        <h2 className="govuk-heading-m" id="add-course-title">
          Add a course
        </h2>
        <ErrorSummary errors={summary} />
        <CourseFields prefix={prefix} draft={draft} onChange={setDraft} byField={byField} dateProblem={dateProblem} />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Add course
        </button>
      </form>
    </section>
  );
}
