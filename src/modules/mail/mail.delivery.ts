import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../platform/db/schema.js';
import { mailRepository } from './mail.repository.js';

/** Something that sends one message; nodemailer in production, a fake in tests. */
export interface Transport {
  /** `icalEvent` carries a meeting's .ics as a text/calendar part (nodemailer's own option). */
  sendMail(msg: { from: string; to: string; subject: string; text: string; icalEvent?: { filename: string; content: string } }): Promise<unknown>;
}

/** A nodemailer transport for an SMTP URL such as smtp://user:pass@host:587. */
export function smtpTransport(url: string): Transport {
  return nodemailer.createTransport(url);
}

/** How long a sender holds a message before another may try it (a crash mid-send). */
const LEASE_MS = 5 * 60_000;

/**
 * Send what is waiting in the outbox, one batch. Messages are leased in one short statement,
 * then sent with no transaction open (a slow mail server must not hold the database), then
 * marked. A crash between sending and marking sends that message again after the lease:
 * at least once, never lost.
 */
export async function deliverBatch(db: Kysely<DB>, transport: Transport, from: string, log?: FastifyBaseLogger): Promise<number> {
  const batch = await mailRepository.leaseUnsent(db, 20, LEASE_MS);
  for (const m of batch) {
    try {
      await transport.sendMail({ from, to: m.to_address, subject: m.subject, text: m.body_text, ...(m.ics ? { icalEvent: { filename: 'meeting.ics', content: m.ics } } : {}) });
      await mailRepository.markSent(db, m.id);
    } catch (err) {
      // The address is personal data; log the message id only.
      log?.warn({ mailId: m.id, err: (err as Error).message }, 'mail delivery failed');
      await mailRepository.markFailed(db, m.id, (err as Error).message);
    }
  }
  return batch.length;
}

/** Poll the outbox every few seconds while the server runs; returns a stop function. */
export function startMailDelivery(db: Kysely<DB>, transport: Transport, from: string, log: FastifyBaseLogger, everyMs = 5000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => deliverBatch(db, transport, from, log)).catch((err: unknown) => log.error({ err }, 'mail delivery loop'));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
