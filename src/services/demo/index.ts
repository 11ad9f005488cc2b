export { COUNTRY_MIX, POPULATED_TIME_ZONES } from './country-mix';
export { NAME_GROUPS, type NameGroup, type NameGroupId, type NameMix } from './name-lists';
export { createRandom, type Random } from './prng';
export {
  generateSyntheticPool,
  SYNTHETIC_WINDOW,
  type SyntheticApplicant,
  type SyntheticPoolOptions,
} from './synthetic-pool';
