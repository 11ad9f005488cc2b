import type { Round } from '../../core/rounds/round';

/** Rounds, mapped between rows and the core `Round`. */
export interface RoundsRepository {
  /** Newest first (by the day the round starts). */
  listRounds: () => Promise<Round[]>;
  findRound: (id: string) => Promise<Round | undefined>;
  /** Like findRound; a missing round is a NOT_FOUND error naming the id. */
  getRound: (id: string) => Promise<Round>;
  insertRound: (round: Round, now: Date) => Promise<void>;
  /** Saves every field of an existing round. */
  saveRound: (round: Round, now: Date) => Promise<void>;
}
