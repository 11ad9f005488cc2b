/** Thrown for malformed input. The message names the function and the offending edge or field. */
export class MatchingInputError extends Error {
  override name = 'MatchingInputError';
}
