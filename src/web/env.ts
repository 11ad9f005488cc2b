import type { TFunction } from 'i18next';
import type { Viewer } from '../core/people/viewer';

/** Per-request values every handler and view can read with c.get(...). */
export interface AppEnv {
  Variables: {
    /** The signed-in person, or null. Set by the session middleware. */
    viewer: Viewer | null;
    /** Interface strings in the request's language. Set by the i18n middleware. */
    t: TFunction;
    locale: string;
    /** Token that every state-changing form must send back (CSRF). Set by the CSRF middleware. */
    csrfToken: string;
  };
}
