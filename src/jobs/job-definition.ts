import type { z } from 'zod';

/**
 * Scheduled work as a definition, not a loop of its own: a name, the shape of one due item (a zod
 * schema), how to find what is due now, and a handler. What is due is a pure function of the
 * program's state and the time, kept in core (core/rounds findDueTransition, core/mail isDue, the
 * duplicate check's settling time); `findDue` reads the state through a use case that applies it.
 * The runner (job-runner.ts) carries the items out and never decides anything itself.
 *
 * Handlers must be idempotent: a crash between doing an item and recording it means the item is
 * found due again and handled again (the use cases record their effects with unique keys, leases
 * or conditional updates, so the second time changes nothing).
 */
export interface JobDefinition<Item = unknown> {
  /** Names the job in logs and in `iln run-due --job`. */
  name: string;
  /** One due item; what findDue returns is checked against it before the handler sees it. */
  itemSchema: z.ZodType<Item>;
  /** The pause after a pass that found nothing to do. */
  intervalMs: number;
  findDue: () => Promise<Item[]>;
  /** Carries out the due items; resolves with how many it handled. */
  handle: (items: Item[], context: { isStopping: () => boolean }) => Promise<number>;
  /**
   * Whether a pass that handled `handled` items is followed at once by another (a backlog
   * draining) rather than after the interval. Default: when it handled any.
   */
  againAtOnce?: (handled: number) => boolean;
}

/** A definition ready to run: its item type is closed over, so the runner holds a list of them. */
export interface Job {
  name: string;
  intervalMs: number;
  againAtOnce: (handled: number) => boolean;
  /** One pass: what is due now, checked against the item schema, handed to the handler. */
  runPass: (isStopping?: () => boolean) => Promise<number>;
  definition: JobDefinition<unknown>;
}

export const defineJob = <Item>(definition: JobDefinition<Item>): Job => ({
  name: definition.name,
  intervalMs: definition.intervalMs,
  againAtOnce: definition.againAtOnce ?? ((handled) => handled > 0),
  runPass: async (isStopping = () => false) => {
    const due = await definition.findDue();
    if (due.length === 0) return 0;
    const items = due.map((item) => definition.itemSchema.parse(item));
    return definition.handle(items, { isStopping });
  },
  definition: definition as JobDefinition<unknown>,
});
