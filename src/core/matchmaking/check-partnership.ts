/** Warnings for a partnership a coordinator makes by hand: the rules it would break. */
import type { RuleBreach } from '../scoring/partnership-rules';
import { listGroupBreaches, prepareMatchContext } from './match-context';
import type { MatchSnapshot } from './match-snapshot';

/** Every rule the pair or trio breaks, as codes with parameters; empty when it may stand. */
export function checkPartnership(snapshot: MatchSnapshot, applicationIds: readonly string[]): RuleBreach[] {
  return listGroupBreaches(prepareMatchContext(snapshot, applicationIds), applicationIds);
}
