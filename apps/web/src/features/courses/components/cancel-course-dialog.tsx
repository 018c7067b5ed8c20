import type { Course } from '@muster/contracts';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Textarea } from '../../../components/fields.tsx';
import { formErrors, isStaleVersion } from '../../../components/form-errors.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useCancelCourse } from '../hooks/use-courses.ts';
import { courseName } from './course-fields.tsx';

/**
 * Cancels a course, with why (kept in each joiner's history). Before it is done, it says how many
 * joiners lose their booking and are told.
 */
export function CancelCourseDialog({
  course,
  onClose,
  onCancelled,
  onConflict,
}: {
  course: Course | null;
  onClose: () => void;
  onCancelled: (text: string) => void;
  onConflict: (text: string) => void;
}) {
  const [reason, setReason] = useState('');
  // Everyone holding a place is told, whether or not this reader may open their case.
  const told = course?.booked ?? 0;
  const cancel = useCancelCourse((c) => {
    setReason('');
    onCancelled(
      `Course cancelled: ${courseName(c)}.${told ? ` ${plural(told, 'joiner')} will be told, and need${told === 1 ? 's' : ''} another course.` : ''}`,
    );
  });
  const close = () => {
    cancel.reset();
    setReason('');
    onClose();
  };
  const { byField, summary } = formErrors(cancel.error, { reason: 'cancel-course-reason' }, 'cancel-course-reason');
  return (
    <Dialog isOpen={course !== null} title={course ? `Cancel the course on ${courseName(course)}?` : ''} onClose={close}>
      {course && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate(
              { id: course.id, expectedVersion: course.version, reason },
              {
                onError: (error) => {
                  if (isStaleVersion(error)) onConflict(errorMessage(error));
                },
              },
            );
          }}
        >
          <ErrorSummary title="The course was not cancelled" errors={summary} />
          {told ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {told === 1
                  ? '1 joiner is booked on this course. Their booking will be removed, their case will need another course, and the joiner'
                  : `${told} joiners are booked on this course. Their bookings will be removed, each case will need another course, and all ${told} joiners`}{' '}
                will be told by email that the course is cancelled.
              </strong>
            </div>
          ) : (
            <p className="govuk-body">Nobody is booked on this course, so nobody needs to be told.</p>
          )}
          <p className="govuk-body">The course will no longer be offered for booking. This cannot be undone.</p>
          <Textarea
            id="cancel-course-reason"
            label="Why is the course cancelled?"
            hint={told ? "This is kept in each joiner's history. It is not sent to them." : undefined}
            errors={byField.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={cancel.isPending}>
              {told ? `Cancel course and tell ${plural(told, 'joiner')}` : 'Cancel course'}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
              Keep the course
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
