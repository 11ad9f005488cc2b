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
  enqueue: (message: Message, now: Date, options?: EnqueueOptions) => Promise<EnqueuedMessage>;
  /**
   * enqueue for many messages in one statement (a few hundred at a time); a message whose dedupe
   * key is already queued is not queued again.
   */
  enqueueAll: (messages: readonly Message[], now: Date) => Promise<void>;
  /**
   * Takes back queued messages nobody has been sent yet (pending, never attempted), found by id
   * or by dedupe key; a message already being sent or sent stays. Its dedupe key is free again,
   * so the same message can be queued later. Returns the ids taken back.
   */
  cancelUnsent: (which: { ids?: readonly string[]; dedupeKeys?: readonly string[] }) => Promise<string[]>;
}

export interface EnqueueOptions {
  /** The message is not sent before this instant (a decision's undo window). */
  notBefore?: Date | undefined;
}

/** A message written out: the subject line, the HTML and the plain-text part. */
export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** What a message would say if it were queued now (a coordinator's preview); queues nothing. */
export interface MessagePreview {
  render: (message: Message) => Promise<RenderedMessage>;
}
