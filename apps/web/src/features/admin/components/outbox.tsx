import type { OutboxMessage } from '@muster/contracts';
import { useQuery } from '@tanstack/react-query';
import { Loading } from '../../../components/loading.tsx';
import { Table } from '../../../components/table.tsx';
import { formatDateTime, formatTime, londonDateOf, londonToday } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** "10:42" today, "3 Mar 2026, 10:42" another day (London time). */
const at = (iso: string) => (londonDateOf(iso) === londonToday() ? formatTime(iso) : formatDateTime(iso));

/** Where a message stands, in words: sent, or waiting (with the failed attempts and the last error). */
export function outboxStatus(m: Pick<OutboxMessage, 'sentAt' | 'attempts' | 'nextAttemptAt' | 'lastError'>): string {
  if (m.sentAt) return `Sent ${at(m.sentAt)}`;
  if (m.attempts === 0) return 'Waiting: not sent yet';
  return `Waiting: attempt ${m.attempts} failed, next at ${at(m.nextAttemptAt)}${m.lastError ? ` — ${m.lastError}` : ''}`;
}

/** The messages Muster has queued to candidates and panels, newest first, each readable as sent. */
export function Outbox() {
  const trpc = useTRPC();
  const outbox = useQuery(trpc.admin.outbox.queryOptions(undefined, { refetchInterval: 30_000 }));
  const waiting = outbox.data?.filter((m) => !m.sentAt).length ?? 0;
  return (
    <section className="app-section app-outbox" aria-labelledby="outbox-title">
      <h2 className="govuk-heading-m" id="outbox-title">
        Outbox
      </h2>
      <p className="govuk-body">
        Invitations, moves and cancellations of interviews, to the candidate and to each panel member. Muster sends
        them by email when the server has a mail server set; until one accepts a message it waits here.
      </p>
      {outbox.isError && !outbox.data && <p className="govuk-error-message">{errorMessage(outbox.error)}</p>}
      {outbox.data ? (
        outbox.data.length ? (
          <Table
            label="Table of the outbox"
            caption={`${plural(outbox.data.length, 'message')}, ${waiting.toLocaleString('en-GB')} waiting, newest first`}
            columns={[{ label: 'Queued' }, { label: 'To' }, { label: 'Message' }, { label: 'Template' }, { label: 'Status' }]}
          >
            {outbox.data.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell app-table__nowrap">{at(m.createdAt)}</td>
                <td className="govuk-table__cell app-outbox__to">
                  {m.toName}
                  <br />
                  <span className="app-muted">{m.to}</span>
                </td>
                <td className="govuk-table__cell">
                  <details className="govuk-details">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">{m.subject}</span>
                    </summary>
                    <div className="govuk-details__text">
                      <p className="govuk-body app-message-text">{m.body}</p>
                      {m.hasCalendar && <p className="govuk-body-s app-muted">With the interview’s calendar file attached.</p>}
                    </div>
                  </details>
                </td>
                <td className="govuk-table__cell">
                  <code>{m.template}</code>
                </td>
                <td className="govuk-table__cell">{outboxStatus(m)}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="govuk-body">No message has been queued.</p>
        )
      ) : (
        !outbox.isError && <Loading what="Loading the outbox" />
      )}
    </section>
  );
}

/** The templates messages are made from, as written: `{placeholders}` are filled from the interview. */
export function MessageTemplates() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.admin.messageTemplates.queryOptions(undefined, { staleTime: Infinity }));
  return (
    <section className="app-section" aria-labelledby="templates-title">
      <h2 className="govuk-heading-m" id="templates-title">
        Message templates
      </h2>
      <p className="govuk-body">
        What the outbox&apos;s messages are made from. Words in braces, such as {'{candidate}'} or {'{when}'}, are filled
        in from the interview.
      </p>
      {templates.isError && !templates.data && <p className="govuk-error-message">{errorMessage(templates.error)}</p>}
      {templates.data
        ? templates.data.map((t) => (
            <div className="app-template govuk-!-width-two-thirds" key={t.name}>
              <h3 className="govuk-heading-s">
                <code>{t.name}</code>
              </h3>
              <dl className="govuk-summary-list app-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Subject</dt>
                  <dd className="govuk-summary-list__value">{t.subject}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Body</dt>
                  <dd className="govuk-summary-list__value">
                    <p className="govuk-body app-message-text">{t.body}</p>
                  </dd>
                </div>
              </dl>
            </div>
          ))
        : !templates.isError && <Loading what="Loading the message templates" />}
    </section>
  );
}
