import type { Message } from '../../core/messages/messages';

export interface EnqueuedMessage {
  /** The queued row, or the earlier row with the same dedupe key. */
  id: string;
  /** False when a message with the same dedupe key already existed. */
  queued: boolean;
}

/**
 * Where use cases put the messages their changes cause. Bound to the unit of work's transaction:
 * a message exists if and only if the change it is about commits; the mail worker sends it later.
 */
export interface MessageQueue {
  enqueue: (message: Message, now: Date) => Promise<EnqueuedMessage>;
}
