import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's address for the per-IP limit: the socket's peer, or, when that is a local reverse
 * proxy, the address the proxy appended last to X-Forwarded-For (earlier entries are the client's
 * own claim). Under app.request() in tests there is no socket, so the header is used as given.
 */
export const clientIpAddress = (c: Context): string | null => {
  const forwarded = c.req
    .header('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  if (peer && !LOOPBACK.has(peer)) return peer;
  return forwarded?.at(-1) ?? peer ?? null;
};
