import type { DevelopmentDay, DevelopmentDayInvitation } from '@muster/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { DateInput, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { dateErrors, noDate, parseDate, type DateProblem } from '../../../lib/date-parts.ts';
import { formatLongDate, londonToday } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import {
  useCancelDevelopmentDay,
  useCreateDevelopmentDay,
  useDevelopmentDays,
  useInviteToDevelopmentDay,
  useRecordDayAttendance,
} from '../hooks/use-development-days.ts';

type Outcome = { n: number; kind: 'success' | 'important'; text: string };

/** The development days: plan one, invite the joiners in their first two years, record who came. */
export function DevelopmentDaysPage() {
  usePageTitle('Development days');
  const me = useMe();
  const [isCancelledShown, setCancelledShown] = useState(false);
  const days = useDevelopmentDays(isCancelledShown);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tell = (kind: Outcome['kind'], text: string) => setOutcome((o) => ({ n: (o?.n ?? 0) + 1, kind, text }));
  const mayKeep = me.may.courses; // the keepers of courses keep the days: coordinators and the admin
  if (!me.may.coordination)
    return (
      <>
        <h1 className="govuk-heading-l">Development days</h1>
        <p className="govuk-body">Development days are kept by the coordinators and the admin.</p>
      </>
    );
  return (
    <>
      <h1 className="govuk-heading-l">Development days</h1>
      <p className="govuk-body">
        Twice a year, a day for joiners in their first two years: those at mentoring or onboarded whose start date is within two years
        before the day.
      </p>
      {outcome && (
        <NotificationBanner
          key={outcome.n}
          variant={outcome.kind}
          heading={outcome.text}
          isAlert
          title={outcome.kind === 'important' ? 'Not done' : undefined}
        />
      )}
      <section className="app-section" aria-labelledby="days-title">
        <h2 className="govuk-heading-m" id="days-title">
          Days
        </h2>
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="days-show-cancelled"
              type="checkbox"
              checked={isCancelledShown}
              onChange={(e) => setCancelledShown(e.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="days-show-cancelled">
              Show cancelled days
            </label>
          </div>
        </div>
        {days.isError && !days.data && <p className="govuk-error-message">{errorMessage(days.error)}</p>}
        {days.data ? (
          days.data.length ? (
            days.data.map((d) => <Day key={d.id} day={d} mayKeep={mayKeep} tell={tell} />)
          ) : (
            <p className="govuk-body">No development day is planned.</p>
          )
        ) : (
          !days.isError && <Loading what="Loading the development days" />
        )}
      </section>
      {mayKeep && <AddDay onAdded={(text) => tell('success', text)} />}
      <p className="govuk-body">
        <Link className="govuk-link" to="/home">
          Back to your home page
        </Link>
      </p>
    </>
  );
}

function Day({ day, mayKeep, tell }: { day: DevelopmentDay; mayKeep: boolean; tell: (kind: Outcome['kind'], text: string) => void }) {
  const invite = useInviteToDevelopmentDay();
  const cancel = useCancelDevelopmentDay();
  const today = londonToday();
  const isOpen = day.status === 'scheduled' && day.heldOn >= today;
  const name = `${day.title}, ${formatLongDate(day.heldOn)}`;
  const headingId = `day-${day.id}-title`;
  return (
    <div className="govuk-summary-card" aria-labelledby={headingId} role="region">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {name}
          {day.status === 'cancelled' && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Cancelled</strong>}
        </h3>
        {mayKeep && isOpen && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <button
                type="button"
                className="app-link-button govuk-link"
                disabled={cancel.isPending}
                onClick={() =>
                  cancel.mutate(
                    { id: day.id, expectedVersion: day.version },
                    {
                      onSuccess: () => tell('success', `${name} is cancelled.`),
                      onError: (e) => tell('important', errorMessage(e)),
                    },
                  )
                }
              >
                Cancel<span className="govuk-visually-hidden"> {name}</span>
              </button>
            </li>
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Place</dt>
            <dd className="govuk-summary-list__value">{day.place}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Invited</dt>
            <dd className="govuk-summary-list__value">
              {plural(day.invited, 'joiner')}
              {day.heldOn <= today && day.invited > 0 && (
                <>
                  ; {day.attended} attended, {day.didNotAttend} did not
                </>
              )}
            </dd>
          </div>
          {isOpen && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Still to invite</dt>
              <dd className="govuk-summary-list__value">{plural(day.toInvite, 'joiner')}</dd>
            </div>
          )}
        </dl>
        {mayKeep && isOpen && day.toInvite > 0 && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={invite.isPending}
            onClick={() =>
              invite.mutate(
                { id: day.id },
                {
                  onSuccess: (r) => tell('success', `${plural(r.invitedNow, 'joiner')} invited to ${name}. Each was sent the invitation.`),
                  onError: (e) => tell('important', errorMessage(e)),
                },
              )
            }
          >
            Invite {plural(day.toInvite, 'joiner')}
            <span className="govuk-visually-hidden"> to {name}</span>
          </button>
        )}
        {day.invitations.length > 0 && (
          <details className="govuk-details" open={day.heldOn <= today}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Joiners invited<span className="govuk-visually-hidden"> to {name}</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list">
                {day.invitations.map((i) => (
                  <Invitation
                    key={i.applicationId}
                    day={day}
                    invitation={i}
                    mayRecord={mayKeep && day.status === 'scheduled' && day.heldOn <= today}
                    tell={tell}
                  />
                ))}
              </ul>
            </div>
          </details>
        )}
      </div>
    </div>
  );
}

const attendanceWords = { attended: 'Attended', did_not_attend: 'Did not attend' } as const;

function Invitation({
  day,
  invitation: i,
  mayRecord,
  tell,
}: {
  day: DevelopmentDay;
  invitation: DevelopmentDayInvitation;
  mayRecord: boolean;
  tell: (kind: Outcome['kind'], text: string) => void;
}) {
  const record = useRecordDayAttendance();
  const [reason, setReason] = useState('');
  const reasonId = `day-${day.id}-${i.applicationId}-reason`;
  const { byField } = formErrors(record.error, { reason: reasonId }, reasonId);
  const save = (attended: boolean) =>
    record.mutate(
      { dayId: day.id, applicationId: i.applicationId, attended, ...(attended ? {} : { reason }) },
      { onSuccess: () => tell('success', `${i.name}: ${attended ? 'attended' : 'did not attend'}.`) },
    );
  return (
    <li className="govuk-!-margin-bottom-3">
      <Link className="govuk-link" to={`/cases/${i.applicationId}`}>
        {i.name}
      </Link>{' '}
      <span className="app-muted">{i.reference}</span>
      {i.attendance && (
        <strong className={`govuk-tag govuk-!-margin-left-2 ${i.attendance === 'attended' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
          {attendanceWords[i.attendance]}
        </strong>
      )}
      {i.attendanceReason && <span className="govuk-body-s"> ({i.attendanceReason})</span>}
      {mayRecord && (
        <div className="govuk-!-margin-top-2">
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => save(true)}>
            Attended<span className="govuk-visually-hidden">: {i.name}</span>
          </button>
          <TextInput
            id={reasonId}
            label={`Why ${i.name} did not attend`}
            errors={byField.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
          />
          <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => save(false)}>
            Did not attend<span className="govuk-visually-hidden">: {i.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

type Draft = { heldOn: typeof noDate; place: string; title: string };
const emptyDraft: Draft = { heldOn: noDate, place: '', title: '' };
const prefix = 'new-day';
const fieldIds = { heldOn: `${prefix}-heldOn-day`, place: `${prefix}-place`, title: `${prefix}-title` };

function AddDay({ onAdded }: { onAdded: (text: string) => void }) {
  const [draft, setDraft] = useState(emptyDraft);
  const [dateProblem, setDateProblem] = useState<DateProblem | null>(null);
  const create = useCreateDevelopmentDay();
  const { byField, summary } = dateProblem
    ? dateErrors({ heldOn: dateProblem }, { heldOn: `${prefix}-heldOn` })
    : formErrors(create.error, fieldIds, fieldIds.heldOn);
  return (
    <section className="app-section" aria-labelledby="add-day-title">
      <form
        noValidate
        aria-labelledby="add-day-title"
        className="govuk-!-width-two-thirds"
        onSubmit={(e) => {
          e.preventDefault();
          const date = parseDate(draft.heldOn, 'The date');
          if (date.problem) {
            setDateProblem(date.problem);
            create.reset();
            return;
          }
          setDateProblem(null);
          create.mutate(
            { heldOn: date.iso, place: draft.place, title: draft.title },
            {
              onSuccess: (d) => {
                setDraft(emptyDraft);
                onAdded(`Development day added: ${d.title}, ${formatLongDate(d.heldOn)}. ${plural(d.toInvite, 'joiner')} to invite.`);
              },
            },
          );
        }}
      >
        <h2 className="govuk-heading-m" id="add-day-title">
          Plan a development day
        </h2>
        <ErrorSummary errors={summary} />
        <DateInput
          id={`${prefix}-heldOn`}
          legend="Date"
          hint="For example, 10 3 2027"
          errors={byField.heldOn}
          errorParts={dateProblem?.parts}
          value={draft.heldOn}
          onChange={(heldOn) => setDraft({ ...draft, heldOn })}
        />
        <TextInput
          id={fieldIds.title}
          label="Title"
          hint="For example, “Spring development day”."
          errors={byField.title}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          maxLength={120}
          autoComplete="off"
        />
        <TextInput
          id={fieldIds.place}
          label="Place"
          hint="Where the day takes place, for example “Peel Centre, Hendon”."
          errors={byField.place}
          value={draft.place}
          onChange={(e) => setDraft({ ...draft, place: e.target.value })}
          maxLength={120}
          autoComplete="off"
        />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Add development day
        </button>
      </form>
    </section>
  );
}
