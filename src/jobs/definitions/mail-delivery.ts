import { z } from 'zod';
import type { Services } from '../../services';
import type { MailTransport } from '../../services/ports/mail';
import { defineJob } from '../job-definition';

/** How often the queue is polled when it is idle. */
export const MAIL_POLL_MS = 2_000;

/**
 * Sends the mail that is due (core/mail/delivery-policy.ts isDue: pending and its time has come,
 * or claimed under a lease that ran out). Each item is a queued message's id; the handler claims,
 * sends and records them a few at a time (services/mail/deliver-due-mail.ts). A pass whose
 * messages all failed for a reason that may pass (the SMTP server is down) counts as having done
 * nothing, so the next pass waits the interval instead of trying message after message.
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
    handle: async (ids, { isStopping }) => {
      const pass = await services.mail.deliverPass(ids, {
        transport: options.transport,
        mailFrom: options.mailFrom,
        isStopping,
      });
      // The mail server seems down: wait the interval before the next few messages try it.
      return pass.isServerUnavailable ? 0 : pass.claimed;
    },
  });
