/**
 * Where to go after signing in, taken from a query string or form field. Only local paths are
 * accepted (`/coordinator/rounds?x=1`); anything that could leave the site (`//evil.example`,
 * `/\evil.example`, `https://…`) or carries control characters is dropped.
 */
export const safeNextPath = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  return value;
};
