import { outbox, type Db } from '@muster/db';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';

/** How long to wait after the nth failed attempt: 1, 2, 4… minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 3_600_000);

/**
 * Sends what is due, oldest first, one at a time. A message is marked sent only after the SMTP server
 * accepted it; if the process stops before that, it is still due and goes again with the same
 * Message-ID. A failure is kept with its error and tried again later.
 */
export async function sendDueMessages(
  db: Db,
  transport: Pick<Transporter, 'sendMail'>,
  opts: { from: string; now: () => Date; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const due = db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lte(outbox.nextAttemptAt, opts.now().toISOString())))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(opts.limit ?? 50)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    try {
      await transport.sendMail({
        from: opts.from,
        to: { name: m.toName, address: m.toAddress },
        subject: m.subject,
        text: m.body,
        messageId: m.messageId,
        ...(m.ics && m.icsMethod ? { icalEvent: { method: m.icsMethod, filename: 'interview.ics', content: m.ics } } : {}),
      });
      db.update(outbox).set({ sentAt: opts.now().toISOString(), lastError: null }).where(eq(outbox.id, m.id)).run();
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      db.update(outbox)
        .set({
          attempts,
          lastError: e instanceof Error ? e.message.slice(0, 500) : String(e).slice(0, 500),
          nextAttemptAt: new Date(opts.now().getTime() + retryDelayMs(attempts)).toISOString(),
        })
        .where(eq(outbox.id, m.id))
        .run();
      failed++;
    }
  }
  return { sent, failed };
}
