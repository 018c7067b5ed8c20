import type { AgendaInterview } from '@muster/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { AttendanceToRecord, OutcomesToRecord, ThisWeek, WaitingForASlot } from './agenda-sections.tsx';
import { BookDialog } from './book-dialog.tsx';
import { CancelInterviewDialog } from './cancel-interview-dialog.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { DidNotAttendDialog } from './did-not-attend-dialog.tsx';
import { MoveInterviewDialog } from './move-interview-dialog.tsx';
import { ScorecardsDue } from './scorecards-due.tsx';
import { PublishSlots } from './publish-slots.tsx';
import { YourSlots } from './your-slots.tsx';

/** The interviewer's home: this week's interviews, who waits for a slot, what is left to record, and the slots. */
export function InterviewsPage() {
  usePageTitle('Interviews');
  const me = useMe();
  if (!me.may.interviews) {
    return (
      <>
        <h1 className="govuk-heading-l">Interviews</h1>
        <p className="govuk-body">Interviews are arranged by the resourcing team and the units&apos; leads and panel members.</p>
      </>
    );
  }
  return <Interviews />;
}

function Interviews() {
  const trpc = useTRPC();
  const me = useMe();
  const agenda = useQuery(trpc.interviews.agenda.queryOptions(undefined, { refetchInterval: refreshIntervalMs }));
  // What the user just did, said in a success banner; `n` makes a repeat of the same words a new one.
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const announce = (text: string) => setDone((d) => ({ n: (d?.n ?? 0) + 1, text }));
  const [bookingId, setBookingId] = useState<number | null>(null);
  const [notAttending, setNotAttending] = useState<AgendaInterview | null>(null);
  // The freshest copy of the case being booked: a refetch after a refusal brings its new version.
  const booking = agenda.data?.waiting.find((w) => w.id === bookingId) ?? null;
  // The interview being moved or cancelled, by its id: the freshest copy carries the case's version.
  const [changing, setChanging] = useState<{ id: number; to: 'move' | 'cancel' } | null>(null);
  const changed = changing ? (agenda.data?.upcoming.find((i) => i.id === changing.id) ?? null) : null;
  const changeDone = (text: string) => {
    setChanging(null);
    announce(text);
  };
  const units = me.units.length ? me.units.map((u) => unitShortNames[u]).join(', ') : 'All units';

  return (
    <>
      <div className="app-page-header">
        <div>
          <h1 className="govuk-heading-l app-page-header__title">Interviews</h1>
          <p className="govuk-body-s app-muted">{units}</p>
        </div>
      </div>
      {/* The dialogs come before the banner: closing one gives focus back first, then the banner takes it. */}
      <BookDialog
        waiting={booking}
        onClose={() => setBookingId(null)}
        onBooked={(text) => {
          setBookingId(null);
          announce(text);
        }}
      />
      <DidNotAttendDialog
        interview={notAttending}
        onClose={() => setNotAttending(null)}
        onRecorded={(text) => {
          setNotAttending(null);
          announce(text);
        }}
      />
      <MoveInterviewDialog
        interview={changing?.to === 'move' ? changed : null}
        onClose={() => setChanging(null)}
        onMoved={changeDone}
      />
      <CancelInterviewDialog
        interview={changing?.to === 'cancel' ? changed : null}
        onClose={() => setChanging(null)}
        onCancelled={changeDone}
      />
      {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
      {agenda.isError && !agenda.data && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">Your interviews could not load</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{errorMessage(agenda.error)}</p>
          </div>
        </div>
      )}
      {agenda.data ? (
        <>
          <ScorecardsDue interviews={agenda.data.scorecardsDue} />
          <ThisWeek
            interviews={agenda.data.upcoming}
            changes={{
              scheduleUnits: me.may.scheduleUnits,
              onMove: (i) => setChanging({ id: i.id, to: 'move' }),
              onCancel: (i) => setChanging({ id: i.id, to: 'cancel' }),
            }}
          />
          {/* Panel members sit on interviews; those with the board also arrange them and record what happened. */}
          {me.may.board && (
            <>
              <WaitingForASlot waiting={agenda.data.waiting} onBook={setBookingId} />
              <AttendanceToRecord
                interviews={agenda.data.attendanceToRecord}
                onRecorded={announce}
                onNotAttended={setNotAttending}
              />
              <OutcomesToRecord interviews={agenda.data.outcomesToRecord} onRecorded={announce} />
            </>
          )}
        </>
      ) : (
        !agenda.isError && <Loading what="Loading your interviews" />
      )}
      {me.may.scheduleUnits.length > 0 && <PublishSlots units={me.may.scheduleUnits} />}
      <YourSlots />
      <CalendarFeed />
    </>
  );
}
