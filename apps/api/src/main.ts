import { createDb, migrateDb, seedReferenceData } from '@muster/db';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemoData } from './demo/seed-demo.ts';
import { servingRefusal } from './demo/serving-guard.ts';
import { createLogger } from './logger.ts';
import { createTransport } from 'nodemailer';
import { pruneAuthRecords } from './services/auth.ts';
import { sendDueMessages } from './services/outbox-sender.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
const db = createDb(config.dbPath);
migrateDb(db);
seedReferenceData(db);
const refusal = servingRefusal(config, db);
if (refusal) {
  // Whatever MUSTER_LOG says: the person starting Muster must see why it did not start.
  process.stderr.write(`${refusal}\n`);
  db.$client.close();
  process.exit(1);
}
if (config.isDemo) {
  const seeded = await seedDemoData(db);
  if (seeded) logger.info('demo data seeded', seeded);
}

/** Expired sessions and sign-in attempts older than the limits need go at start-up and every 15 minutes. */
const pruneEveryMs = 15 * 60_000;
function prune() {
  const pruned = pruneAuthRecords(db, new Date(), config);
  if (pruned.sessions || pruned.loginAttempts) logger.info('pruned sessions and sign-in attempts', pruned);
}
prune();
const pruning = setInterval(prune, pruneEveryMs);
pruning.unref();

/** With SMTP_URL, the outbox is sent every 30 seconds; without it, messages wait on the admin's outbox page. */
let isSending = false;
const mail = config.smtpUrl ? createTransport(config.smtpUrl) : null;
const sending = mail
  ? setInterval(() => {
      if (isSending) return;
      isSending = true;
      sendDueMessages(db, mail, { from: config.mailFrom, now: () => new Date() })
        .then((r) => r.sent + r.failed > 0 && logger.info('outbox', r))
        .catch((e: unknown) => logger.error('outbox failed', { error: e instanceof Error ? e.stack : String(e) }))
        .finally(() => (isSending = false));
    }, 30_000)
  : null;
sending?.unref();

const server = createApp({ db, config, logger }).listen(config.port, config.host, () => {
  logger.info(`Muster is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`, {
    db: config.dbPath,
  });
});

/** Stop taking requests, let those in flight finish, then close the database. */
function shutdown(signal: string) {
  logger.info('shutting down', { signal });
  clearInterval(pruning);
  if (sending) clearInterval(sending);
  server.close(() => {
    db.$client.close();
    logger.info('stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.error('forced exit: requests still open after 10 s');
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
