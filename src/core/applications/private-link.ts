/** The path of an application's private page, opened by the holder of its token. */
export const privateLinkPath = (token: string): string => `/applications/${token}`;

/** Where anyone who applied asks for their private links again: the web app serves it, emails link to it. */
export const LOST_LINK_PATH = '/lost-link';
