/** Thrown on input no match can be computed from (duplicate ids, unknown zone…); the message names the id and the reason. */
export class MatchInputError extends Error {
  override name = 'MatchInputError';
}
