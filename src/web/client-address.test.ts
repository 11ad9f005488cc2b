import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { clientAddressMiddleware, clientIpAddress, createProxyTrust } from './client-address';

/** An app that answers with the client address it worked out (app.request has no socket: 127.0.0.1). */
const appTrusting = (trusted: readonly string[]) => {
  const app = new Hono();
  app.use('*', clientAddressMiddleware(trusted));
  app.get('/', (c) => c.text(clientIpAddress(c) ?? 'none'));
  return async (headers: Record<string, string> = {}) => (await app.request('/', { headers })).text();
};

describe('TRUST_PROXY', () => {
  test('off (the default): X-Forwarded-For is never believed, the peer is the client', async () => {
    const ask = appTrusting([]);
    expect(await ask({ 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.1');
    expect(await ask()).toBe('127.0.0.1');
  });

  test('loopback: a local proxy’s last hop is the client; what the client wrote further left is not', async () => {
    const ask = appTrusting(['loopback']);
    expect(await ask({ 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    expect(await ask({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })).toBe('203.0.113.9');
    expect(await ask({ 'x-forwarded-for': '::ffff:203.0.113.9' })).toBe('203.0.113.9');
    expect(await ask()).toBe('127.0.0.1');
  });

  test('a chain of trusted proxies is skipped from the right; garbage stops the walk', async () => {
    const ask = appTrusting(['loopback', '10.0.0.0/8']);
    expect(await ask({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.1.2.3' })).toBe('198.51.100.4');
    expect(await ask({ 'x-forwarded-for': '10.9.9.9, 10.1.2.3' })).toBe('10.9.9.9');
    expect(await ask({ 'x-forwarded-for': 'not-an-address' })).toBe('127.0.0.1');
  });

  test('the trust rule reads addresses, CIDR ranges and loopback on both families', () => {
    const isTrusted = createProxyTrust(['loopback', '192.0.2.10', '10.0.0.0/8', 'fd00::/8']);
    expect(isTrusted('127.0.0.1')).toBe(true);
    expect(isTrusted('::1')).toBe(true);
    expect(isTrusted('::ffff:127.0.0.1')).toBe(true);
    expect(isTrusted('192.0.2.10')).toBe(true);
    expect(isTrusted('192.0.2.11')).toBe(false);
    expect(isTrusted('10.200.0.1')).toBe(true);
    expect(isTrusted('::ffff:10.200.0.1')).toBe(true);
    expect(isTrusted('fd12::1')).toBe(true);
    expect(isTrusted('2001:db8::1')).toBe(false);
    expect(isTrusted('garbage')).toBe(false);
    expect(createProxyTrust([])('127.0.0.1')).toBe(false);
  });
});
