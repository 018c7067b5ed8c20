/**
 * A link to one interview's calendar file (`GET /interviews/{id}.ics`, the session's cookie goes with
 * it): the browser downloads it and a calendar app opens it. The reference, after the visible words so
 * that a voice user can say what they see, names which interview.
 */
export function AddToCalendar({ interviewId, reference }: { interviewId: number; reference: string }) {
  return (
    <a className="govuk-link app-table__nowrap" href={`/interviews/${interviewId}.ics`} download={`interview-${reference}.ics`}>
      Add to calendar<span className="govuk-visually-hidden"> ({reference})</span>
    </a>
  );
}
