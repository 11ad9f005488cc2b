import type { MatchEngine } from './match-engine';
import type { Clock, IdSource, KeyedHash, Logger } from './runtime';
import type { Store, UnitOfWork } from './store';

/**
 * What every use case takes. `store` reads outside any transaction; writes go through
 * `uow.transaction`, whose store is bound to the transaction. The composition root builds these
 * once (src/composition/) and binds every use case to them (services/index.ts).
 */
export interface UseCaseDeps {
  store: Store;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdSource;
  hashKey: KeyedHash;
  logger: Logger;
  /** Computes match runs (off the main thread in the server). */
  matchEngine: MatchEngine;
}
