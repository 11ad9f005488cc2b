import { expect, test } from 'vitest';
import { smtpOptionsFrom } from './smtp-transport';

test('SMTP_URL gives host, port, TLS and credentials; the pool and timeouts are defaults it may override', () => {
  const { getSocket, ...options } = smtpOptionsFrom(
    'smtps://user:p%40ss@mail.example.org:2465?socketTimeout=5000&maxConnections=2&tls.rejectUnauthorized=false',
  );
  expect(getSocket).toBeUndefined();
  expect(options).toEqual({
    host: 'mail.example.org',
    port: 2465,
    secure: true,
    auth: { user: 'user', pass: 'p@ss' },
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 5000,
    tls: { rejectUnauthorized: false },
  });
});

test('plain SMTP defaults to the submission port and opens its connections without Nagle delays', () => {
  const options = smtpOptionsFrom('smtp://127.0.0.1');
  expect(options).toMatchObject({ host: '127.0.0.1', port: 587, secure: false });
  expect(typeof options.getSocket).toBe('function');
  expect(smtpOptionsFrom('smtps://[::1]').port).toBe(465);
  expect(smtpOptionsFrom('smtps://[::1]').host).toBe('::1');
});
