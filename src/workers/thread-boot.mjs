// The first module of every worker thread the program starts (match-engine.ts). A worker does not
// inherit the main thread's TypeScript loader, so when its entry is a .ts source (the program runs
// from the sources, not from dist/: see scripts/build.js) tsx is registered here first, for this
// thread.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
