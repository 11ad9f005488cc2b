/**
 * Use cases that work through a whole round (its export, settling its quota, carrying its
 * waitlist over, a duplicate pass) run in the server's process, beside the requests. They give the
 * event loop back between slices of a few milliseconds, so a request that arrives meanwhile waits
 * for one slice, not for the whole round. setImmediate resumes after the turn's I/O callbacks: the
 * requests already waiting are read and answered first.
 */
export const SLICE_MS = 4;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A function to call between small steps of work: it yields once `sliceMs` have passed since the last turn. */
export const createSlicer = (sliceMs: number = SLICE_MS): (() => Promise<void>) => {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
};
