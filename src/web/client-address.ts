import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Headers a reverse proxy adds to say whom it relays for. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** The socket's peer address; undefined under app.request() in tests, where there is no socket. */
const peerAddress = (c: Context): string | undefined => {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
};

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x: the loopback interface. */
const isLoopbackAddress = (address: string): boolean =>
  address === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);

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
  const peer = peerAddress(c);
  if (peer && !LOOPBACK.has(peer)) return peer;
  return forwarded?.at(-1) ?? peer ?? null;
};

/**
 * Whether the request was made on this machine: its socket's peer is a loopback address and no
 * proxy says it relays it for someone else. Never the Host header, which the client writes.
 */
export const isFromThisMachine = (c: Context): boolean => {
  const peer = peerAddress(c);
  if (!peer || !isLoopbackAddress(peer)) return false;
  return PROXY_HEADERS.every((name) => c.req.header(name) === undefined);
};
