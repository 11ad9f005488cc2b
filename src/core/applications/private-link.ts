/** The path of an application's private page, opened by the holder of its token. */
export const privateLinkPath = (token: string): string => `/applications/${token}`;
