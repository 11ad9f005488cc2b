import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address as the trusted-proxy rule sees it (set by clientAddressMiddleware). */
    clientAddress?: string | null;
  }
}

/** Headers a reverse proxy adds to say whom it relays for. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Under app.request() in tests there is no socket; such a request is taken as coming from this
 * machine, the way a local reverse proxy's requests do.
 */
const IN_PROCESS_PEER = '127.0.0.1';

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

/** `::ffff:192.0.2.1` → `192.0.2.1`: one spelling per client, for limits and the audit trail. */
const plainAddress = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Whether an address is one of the trusted proxies (TRUST_PROXY: `loopback`, addresses and CIDR
 * ranges, parsed and checked by config/env.ts).
 */
export const createProxyTrust = (trusted: readonly string[]): ((address: string) => boolean) => {
  if (trusted.length === 0) return () => false;
  const list = new BlockList();
  let loopback = false;
  for (const entry of trusted) {
    if (entry === 'loopback') {
      loopback = true;
      continue;
    }
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (loopback && isLoopbackAddress(address)) return true;
    const plain = plainAddress(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
};

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then X-Forwarded-For
 * is read from the right (each proxy appends the address it received from), skipping trusted
 * proxies, and the first address that is not one is the client. Entries further left are whatever
 * the client claimed and are never believed. With no proxy trusted (the default), a client cannot
 * choose its address by sending the header.
 */
export const resolveClientAddress = (
  c: Context,
  isTrustedProxy: (address: string) => boolean,
): string | null => {
  const peer = peerAddress(c) ?? IN_PROCESS_PEER;
  if (!isTrustedProxy(peer)) return plainAddress(peer);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  let client = peer;
  for (let index = forwarded.length - 1; index >= 0; index--) {
    const hop = forwarded[index]!;
    if (isIP(plainAddress(hop)) === 0) break;
    client = hop;
    if (!isTrustedProxy(hop)) break;
  }
  return plainAddress(client);
};

/** Works out the client's address once per request (read with clientIpAddress). */
export const clientAddressMiddleware = (trusted: readonly string[]) => {
  const isTrustedProxy = createProxyTrust(trusted);
  return createMiddleware(async (c, next) => {
    c.set('clientAddress', resolveClientAddress(c, isTrustedProxy));
    await next();
  });
};

/**
 * The client's address for the per-network limits and the audit trail (TRUST_PROXY decides whether
 * a proxy's X-Forwarded-For is believed; see resolveClientAddress).
 */
export const clientIpAddress = (c: Context): string | null =>
  c.get('clientAddress') ?? resolveClientAddress(c, () => false);

/**
 * Whether the request was made on this machine: its socket's peer is a loopback address and no
 * proxy says it relays it for someone else. Never the Host header, which the client writes.
 */
export const isFromThisMachine = (c: Context): boolean => {
  const peer = peerAddress(c);
  if (!peer || !isLoopbackAddress(peer)) return false;
  return PROXY_HEADERS.every((name) => c.req.header(name) === undefined);
};
