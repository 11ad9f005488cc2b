import { z } from 'zod';
import type { Services } from '../../services';
import type { MailTransport } from '../../services/ports/mail';
import { defineJob } from '../job-definition';

/** How often the queue is polled when it is idle. */
export const MAIL_POLL_MS = 2_000;

/**
 * Sends the mail that is due (core/mail/delivery-policy.ts isDue: pending and its time has come,
 * or claimed under a lease that ran out). Each item is a queued message's id; the handler claims,
 * sends and records them a few at a time (services/mail/deliver-due-mail.ts).
 */
export const mailDeliveryJob = (
  services: Services,
  options: { transport: MailTransport; mailFrom: string; intervalMs?: number; batchSize?: number },
) =>
  defineJob({
    name: 'mail-delivery',
    itemSchema: z.string().min(1),
    intervalMs: options.intervalMs ?? MAIL_POLL_MS,
    findDue: () => services.mail.listDue(options.batchSize),
    handle: (ids, { isStopping }) =>
      services.mail.deliver(ids, { transport: options.transport, mailFrom: options.mailFrom, isStopping }),
  });
