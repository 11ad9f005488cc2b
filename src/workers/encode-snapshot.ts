import type { MatchSnapshot } from '../core/matchmaking';

/** Applications serialised per turn of the event loop (about 5 ms of work). */
const PER_TURN = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The snapshot's JSON, written a few hundred applications at a time with a turn of the event loop
 * between: at 10,000 applications it is about 10 MB and 0.1 s of work, which must not hold up the
 * requests the server is answering. `JSON.parse` of the text gives the snapshot (the applications
 * come first; key order is all that differs from `JSON.stringify`).
 */
export const encodeSnapshotInTurns = async (snapshot: MatchSnapshot): Promise<string> => {
  const { applications, ...rest } = snapshot;
  const parts: string[] = [];
  for (let start = 0; start < applications.length; start += PER_TURN) {
    if (start > 0) await nextTurn();
    for (const application of applications.slice(start, start + PER_TURN)) {
      parts.push(JSON.stringify(application));
    }
  }
  const others = JSON.stringify(rest);
  return `{"applications":[${parts.join(',')}]${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
};
