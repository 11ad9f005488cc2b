import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';

/**
 * The confirmation page (after the redirect) says which address the email went to. The address
 * rides in a short-lived cookie scoped to that page, never in the URL (which logs and browser
 * histories keep), and only the browser that applied has it.
 */
const APPLIED_COOKIE = 'iln_applied';
const EmailSchema = z.email().max(254);

export const rememberAppliedAddress = (c: Context, appliedPath: string, email: string): void => {
  setCookie(c, APPLIED_COOKIE, Buffer.from(email.trim().toLowerCase()).toString('base64url'), {
    path: appliedPath,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: 30 * 60,
  });
};

export const appliedAddressOf = (c: Context): string | undefined => {
  const raw = getCookie(c, APPLIED_COOKIE);
  if (!raw) return undefined;
  const parsed = EmailSchema.safeParse(Buffer.from(raw, 'base64url').toString('utf8'));
  return parsed.success ? parsed.data : undefined;
};
