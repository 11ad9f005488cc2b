/** Program-wide settings and facts that belong to no round. */
export interface ProgramRepository {
  /** Resolves when the database answers a trivial query; rejects when it does not. */
  checkDatabase: () => Promise<void>;
  /** Whether the database holds nothing a person made: no rounds and no people. */
  isProgramEmpty: () => Promise<boolean>;
  /** A setting's stored JSON text, or undefined. */
  findSetting: (key: string) => Promise<string | undefined>;
  saveSetting: (key: string, value: string, now: Date) => Promise<void>;
}
