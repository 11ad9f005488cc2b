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
  /**
   * Saves every field of the round only if its stored status is still `expectedStatus`; false when
   * it is not (another server or coordinator moved it meanwhile). A compare-and-set in one
   * statement: of two transactions moving the same round at once, one saves and the other gets
   * false (on PostgreSQL the second waits for the first's row lock, then re-reads the row).
   */
  saveRoundIfStatus: (round: Round, expectedStatus: Round['status'], now: Date) => Promise<boolean>;
}
