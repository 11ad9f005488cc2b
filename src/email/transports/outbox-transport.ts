import type { MailTransport } from '../../services/ports/mail';

/**
 * The development outbox: nothing leaves the machine. Delivering only lets the worker mark the row
 * as delivered to the outbox, where it stays readable at /outbox.
 */
export const createOutboxTransport = (): MailTransport => ({
  via: 'outbox',
  deliver: async () => {},
  close: () => {},
});
