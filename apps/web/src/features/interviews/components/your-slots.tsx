import type { InterviewStatus } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Loading } from '../../../components/loading.tsx';
import { Table } from '../../../components/table.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { AddToCalendar } from './calendar-link.tsx';
import { EditSlotDialog, slotWhen } from './edit-slot-dialog.tsx';
import { problemsOf } from './problems.ts';

const bookingWords: Record<InterviewStatus, string> = {
  booked: 'Booked',
  attended: 'Attended',
  did_not_attend: 'Did not attend',
  cancelled: 'Cancelled',
};

/** The slots of the next four weeks the user arranges or sits on, each with its booking; a free one may be changed or withdrawn. */
export function YourSlots() {
  const trpc = useTRPC();
  const me = useMe();
  const refresh = useInterviewsRefresh();
  const backState = useBackState('Back to interviews');
  const slots = useQuery(trpc.interviews.slots.queryOptions({}, { refetchInterval: refreshIntervalMs }));
  const [status, setStatus] = useState('');
  // The slot being changed, by id: the freshest copy carries its version.
  const [editingId, setEditingId] = useState<number | null>(null);
  const withdraw = useMutation(
    trpc.interviews.withdrawSlot.mutationOptions({
      onSuccess: (s) => {
        setStatus(`The slot on ${slotWhen(s)} was withdrawn.`);
        refresh();
      },
      onError: () => {
        setStatus('');
        refresh();
      },
    }),
  );
  const list = slots.data ?? [];
  const editing = list.find((s) => s.id === editingId) ?? null;
  // Panel members sit on slots; only those who publish a unit's slots withdraw them.
  const mayWithdraw = me.may.scheduleUnits.length > 0;
  const free = list.filter((s) => s.status === 'open' && !s.interview).length;
  return (
    <section className="app-section" aria-labelledby="slots-title">
      <h2 className="govuk-heading-m" id="slots-title">
        Your slots
      </h2>
      <EditSlotDialog
        slot={editing}
        onClose={() => setEditingId(null)}
        onSaved={(text) => {
          setEditingId(null);
          setStatus(text);
        }}
      />
      <ErrorSummary title="The slot was not withdrawn" errors={problemsOf(withdraw.error, '#slots-table')} />
      <p className="govuk-body app-saved" role="status">
        {status}
      </p>
      {slots.isError && !slots.data && <p className="govuk-error-message">{errorMessage(slots.error)}</p>}
      {slots.data ? (
        list.length ? (
          <Table
            id="slots-table"
            label="Interview slots in the next 4 weeks"
            caption={`${plural(list.length, 'slot')} in the next 4 weeks, ${free.toLocaleString('en-GB')} free. London time.`}
            columns={[
              { label: 'When' },
              { label: 'Unit' },
              { label: 'Place' },
              { label: 'Panel' },
              { label: 'Booking' },
              ...(mayWithdraw ? [{ label: <span className="govuk-visually-hidden">Actions</span> }] : []),
            ]}
          >
            {list.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <td className="govuk-table__cell app-table__nowrap">{slotWhen(s)}</td>
                <td className="govuk-table__cell">{unitShortNames[s.unit]}</td>
                <td className="govuk-table__cell">{s.venue.name}</td>
                <td className="govuk-table__cell">{s.panel.map((p) => p.name).join(', ')}</td>
                <td className="govuk-table__cell">
                  {s.status === 'withdrawn' ? (
                    <strong className="govuk-tag govuk-tag--grey app-tag--small">Withdrawn</strong>
                  ) : s.interview ? (
                    <>
                      {bookingWords[s.interview.status]}:{' '}
                      {me.may.board ? (
                        <Link className="govuk-link" to={`/cases/${s.interview.applicationId}`} state={backState}>
                          {s.interview.reference}
                        </Link>
                      ) : (
                        s.interview.reference
                      )}
                      {s.interview.status === 'booked' && (
                        <>
                          <br />
                          <AddToCalendar interviewId={s.interview.id} reference={s.interview.reference} />
                        </>
                      )}
                    </>
                  ) : (
                    <strong className="govuk-tag govuk-tag--green app-tag--small">Free</strong>
                  )}
                </td>
                {mayWithdraw && (
                  <td className="govuk-table__cell app-table__nowrap">
                    {s.status === 'open' && !s.interview && me.may.scheduleUnits.includes(s.unit) && (
                      <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        <li>
                          <button
                            type="button"
                            className="app-link-button govuk-link"
                            onClick={() => {
                              setStatus('');
                              withdraw.reset();
                              setEditingId(s.id);
                            }}
                          >
                            Change<span className="govuk-visually-hidden"> the slot on {slotWhen(s)}</span>
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            className="app-link-button govuk-link"
                            disabled={withdraw.isPending}
                            onClick={() => {
                              setStatus('');
                              withdraw.mutate({ id: s.id, expectedVersion: s.version });
                            }}
                          >
                            Withdraw<span className="govuk-visually-hidden"> the slot on {slotWhen(s)}</span>
                          </button>
                        </li>
                      </ul>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </Table>
        ) : (
          <p className="govuk-body">No slots in the next 4 weeks.</p>
        )
      ) : (
        !slots.isError && <Loading what="Loading your slots" />
      )}
    </section>
  );
}
