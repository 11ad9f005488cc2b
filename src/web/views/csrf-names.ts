/**
 * Where the CSRF token travels (middleware/csrf.ts checks it): a cookie holds the browser's
 * secret, forms send the signed token in a hidden field, htmx in a header.
 */
export const CSRF_COOKIE = 'iln_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
