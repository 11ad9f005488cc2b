/** How long a sign-in link works (it also works only once). */
export const SIGN_IN_LINK_MINUTES = 15;

/** The path a sign-in link opens: the verification page, with where to go afterwards. */
export const signInLinkPath = (token: string, next?: string): string => {
  const params = new URLSearchParams({ token });
  if (next) params.set('next', next);
  return `/sign-in/verify?${params.toString()}`;
};
