import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from './env';

const dataDir = () => mkdtempSync(join(tmpdir(), 'iln-env-'));

test('an empty environment gives a working development setup', () => {
  const dir = dataDir();
  const config = loadConfig({ DATA_DIR: dir });
  expect(config).toMatchObject({
    nodeEnv: 'development',
    port: 3000,
    baseUrl: 'http://localhost:3000',
    databaseUrl: undefined,
    sqlitePath: join(dir, 'iln.sqlite'),
    smtpUrl: undefined,
  });
  expect(config.authSecret).toHaveLength(64);
  expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(config.authSecret);
  expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(config.authSecret);
});

test('every problem is reported in one message', () => {
  const attempt = () =>
    loadConfig({
      DATA_DIR: dataDir(),
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'http://mail',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
  expect(attempt).toThrow(ConfigError);
  try {
    attempt();
  } catch (error) {
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'NODE_ENV'])
      expect(message).toContain(name);
  }
});

test('production requires a secret and a base URL', () => {
  expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
    /AUTH_SECRET[\s\S]*BASE_URL/,
  );
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir(),
    AUTH_SECRET: 'a'.repeat(40),
    BASE_URL: 'https://iln.example.org/',
    PORT: '8080',
  });
  expect(config).toMatchObject({ isProduction: true, port: 8080, baseUrl: 'https://iln.example.org' });
});

test('empty strings count as unset', () => {
  expect(loadConfig({ DATA_DIR: dataDir(), PORT: '', DATABASE_URL: ' ' })).toMatchObject({
    port: 3000,
    databaseUrl: undefined,
  });
});

test('HOST: the development outbox listens on this machine only unless told otherwise', () => {
  // Outside production, mail in the outbox holds live sign-in links: loopback by default.
  expect(loadConfig({ DATA_DIR: dataDir() }).host).toBe('127.0.0.1');
  expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test' }).host).toBe('127.0.0.1');
  expect(loadConfig({ DATA_DIR: dataDir(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  // With real mail, or in production, every interface (undefined: Node's default) unless HOST says.
  expect(loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'smtp://mail.example.org' }).host).toBeUndefined();
  const production = { NODE_ENV: 'production', DATA_DIR: dataDir(), AUTH_SECRET: 'a'.repeat(40) };
  expect(loadConfig({ ...production, BASE_URL: 'https://iln.example.org' }).host).toBeUndefined();
  expect(loadConfig({ ...production, BASE_URL: 'https://iln.example.org', HOST: '10.0.0.5' }).host).toBe(
    '10.0.0.5',
  );
  expect(() => loadConfig({ DATA_DIR: dataDir(), HOST: 'not a host!' })).toThrow(/HOST/);
});

test('TRUST_PROXY: off by default; loopback, addresses and CIDR ranges; anything else is refused in words', () => {
  const dir = dataDir();
  expect(loadConfig({ DATA_DIR: dir }).trustProxy).toEqual([]);
  expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'off' }).trustProxy).toEqual([]);
  expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
  expect(
    loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'loopback, 10.0.0.0/8,192.0.2.1, fd00::/8' }).trustProxy,
  ).toEqual(['loopback', '10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
  for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org', '10.0.0.0/8/1', 'fd00::/129']) {
    expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: bad }), bad).toThrow(
      /TRUST_PROXY: must be off, or a comma-separated list/,
    );
  }
});
