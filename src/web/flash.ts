import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { FlashMessage } from './views/components';

/**
 * A one-time message carried across a redirect (post/redirect/get): set it before redirecting,
 * and renderPage shows it at the top of the next page, then forgets it.
 */
const FLASH_COOKIE = 'iln_flash';

const FlashSchema = z.object({
  kind: z.enum(['info', 'success', 'warning', 'error']),
  message: z.string().max(500),
});

export const setFlash = (c: Context, flash: FlashMessage): void => {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: 120,
  });
};

/** Reads and clears the flash message, if any. */
export const takeFlash = (c: Context): FlashMessage | undefined => {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  try {
    const parsed = FlashSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
