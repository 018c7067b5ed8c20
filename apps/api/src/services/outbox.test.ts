import type { AddressInfo } from 'node:net';
import { outbox, venues } from '@muster/db';
import { eq } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';
import { retryDelayMs, sendDueMessages } from './outbox-sender.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

/** A real SMTP server on a loopback port that refuses the first `refuse` messages it is given. */
async function smtpPeer(refuse: number) {
  const received: { messageId: string; raw: string }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        attempts++;
        if (attempts <= refuse) {
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(err);
        }
        received.push({ messageId: /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? '', raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  peers.push(server);
  return { received, port, transport: createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }) };
}
const peers: SMTPServer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) await new Promise<void>((resolve) => p.close(() => resolve()));
});

async function bookOne(api: Api) {
  const c = await applicationAt(api, 'interview', 'METCC', { email: 'ada.lovelace@example.police.uk' });
  const venueId = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()?.id ?? 0;
  const [slot] = await api.as.resourcing.interviews.publishSlots({
    unit: 'METCC',
    venueId,
    panel: [api.actors.leadMetcc.id, api.actors.panelMetcc.id],
    dates: ['2026-12-01'],
    startTime: '09:00',
    lengthMinutes: 90,
  });
  return api.as.resourcing.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot?.id ?? 0 });
}

describe('the outbox', () => {
  it('is written with the booking: an invitation to the candidate and to each panel member, each with the calendar file', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    await bookOne(api);
    const messages = api.db.select().from(outbox).all();
    expect(messages.map((m) => [m.template, m.toAddress, m.icsMethod]).sort()).toEqual([
      ['candidate_booked', 'ada.lovelace@example.police.uk', 'REQUEST'],
      ['panel_booked', 'metcc@muster.test', 'REQUEST'],
      ['panel_booked', 'panel.metcc@muster.test', 'REQUEST'],
    ]);
    const candidate = messages.find((m) => m.template === 'candidate_booked');
    expect(candidate?.subject).toBe('Your interview for Met Command and Control: Tuesday 1 December 2026, 09:00 to 10:30');
    expect(candidate?.body).toContain('The panel: Mo METCC Lead, Pat METCC Panel.');
    expect(candidate?.ics).toContain('METHOD:REQUEST');
    // Only the admin reads it.
    expect(await api.as.admin.admin.outbox()).toHaveLength(3);
    await expect(api.as.resourcing.admin.outbox()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a refused booking writes no message', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    const booked = await bookOne(api);
    const before = api.db.select().from(outbox).all().length;
    await expect(
      api.as.resourcing.interviews.book({ id: booked.id, expectedVersion: booked.version, slotId: 999 }),
    ).rejects.toBeDefined();
    expect(api.db.select().from(outbox).all()).toHaveLength(before);
  });

  it('sends through SMTP, retrying with backoff after refusals, each message arriving once with its attachment', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    const booked = await bookOne(api);
    await api.as.resourcing.interviews.cancel({ id: booked.id, expectedVersion: booked.version, reason: 'Candidate withdrew.' });
    const peer = await smtpPeer(2);
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const send = () => sendDueMessages(api.db, peer.transport, { from: 'Muster <muster@example.test>', now: () => clock.now });

    expect(await send()).toEqual({ sent: 4, failed: 2 });
    const waiting = api.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.sentAt === null);
    expect(waiting.map((m) => [m.attempts, m.lastError?.includes('Try again later')])).toEqual([
      [1, true],
      [1, true],
    ]);
    // Not yet due again: nothing is sent before the backoff.
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    clock.now = new Date(clock.now.getTime() + retryDelayMs(1));
    expect(await send()).toEqual({ sent: 2, failed: 0 });
    expect(await send()).toEqual({ sent: 0, failed: 0 });

    const ids = api.db
      .select()
      .from(outbox)
      .all()
      .map((m) => m.messageId);
    expect(peer.received.map((r) => r.messageId).sort()).toEqual([...ids].sort());
    for (const r of peer.received) expect(r.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=(REQUEST|CANCEL)/i);
    expect(peer.received.filter((r) => /method=CANCEL/i.test(r.raw))).toHaveLength(3);
  });

  it('after a stop before delivery was confirmed, the message goes again with the same Message-ID; a confirmed one never does', async () => {
    const api = await setupApi({ now: new Date('2026-11-30T10:00:00Z') });
    await bookOne(api);
    const peer = await smtpPeer(0);
    const now = () => new Date('2026-11-30T10:00:00Z');
    // The first process hands the first message to the SMTP server, then stops before it hears back.
    const stopped = {
      sendMail: async (m: Parameters<typeof peer.transport.sendMail>[0]) => {
        await peer.transport.sendMail(m);
        return new Promise<never>(() => {});
      },
    };
    void sendDueMessages(api.db, stopped, { from: 'Muster <m@example.test>', now, limit: 1 });
    await expect.poll(() => peer.received.length).toBe(1);
    // A new process sends what was never confirmed.
    await sendDueMessages(api.db, peer.transport, { from: 'Muster <m@example.test>', now });
    const counts = new Map<string, number>();
    for (const r of peer.received) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([1, 1, 2]);
    expect(
      api.db
        .select()
        .from(outbox)
        .all()
        .every((m) => m.sentAt !== null),
    ).toBe(true);
    expect(await sendDueMessages(api.db, peer.transport, { from: 'Muster <m@example.test>', now })).toEqual({
      sent: 0,
      failed: 0,
    });
  });
});
