import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The receiving side of the benchmark: a local SMTP server (smtp-server, in the benchmark's own
 * process) that accepts everything and keeps only what the checks need: for each recipient, the
 * Message-IDs it was sent and how many times. Message bodies are read and dropped.
 */
export interface SmtpSink {
  url: string;
  /** SMTP transactions accepted. */
  accepted: () => number;
  /** Recipient → Message-ID → times received. */
  byRecipient: Map<string, Map<string, number>>;
  lastAcceptedAt: () => number;
  close: () => Promise<void>;
}

const MESSAGE_ID = /^Message-ID:[ \t]*(.*)$/im;

export const startSmtpSink = async (): Promise<SmtpSink> => {
  let accepted = 0;
  let lastAcceptedAt = 0;
  const byRecipient = new Map<string, Map<string, number>>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData: (stream, session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('utf8', 0, Math.min(chunk.length, 8192));
      });
      stream.on('end', () => {
        const messageId = MESSAGE_ID.exec(head)?.[1]?.trim() ?? '';
        for (const to of session.envelope.rcptTo) {
          const ids = byRecipient.get(to.address) ?? new Map<string, number>();
          ids.set(messageId, (ids.get(messageId) ?? 0) + 1);
          byRecipient.set(to.address, ids);
        }
        accepted++;
        lastAcceptedAt = Date.now();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client killed mid-conversation (a SIGKILLed server process) resets its connection: expected.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    byRecipient,
    lastAcceptedAt: () => lastAcceptedAt,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
