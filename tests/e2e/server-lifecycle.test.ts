import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { generateSyntheticPool } from '../../src/services/demo';
import { encodeApplication, findOpenRoundId, openApplicantSession } from '../support/applicant-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * The real `iln serve` process: where it listens, and how it stops. Not a browser journey, but it
 * needs the real process and its sockets, as the journeys do.
 */
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.kill();
  server = undefined;
});

const connects = (url: string): Promise<boolean> =>
  fetch(url).then(
    () => true,
    () => false,
  );

test('with the development outbox on, the server listens on this machine’s loopback address only', async () => {
  server = await startServerProcess();
  const { port } = new URL(server.baseUrl);
  expect(await connects(`${server.baseUrl}/healthz`)).toBe(true);
  // 127.0.0.2 is this machine too (Linux routes all of 127/8 to loopback), but not 127.0.0.1: a
  // server listening on every interface answers there, one bound to 127.0.0.1 does not.
  expect(await connects(`http://127.0.0.2:${port}/healthz`)).toBe(false);
});

const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

test.skipIf(!externalAddress)(
  'HOST=0.0.0.0 listens everywhere, and the outbox still opens only to requests from this machine',
  async () => {
    server = await startServerProcess({ env: { HOST: '0.0.0.0' } });
    const { port } = new URL(server.baseUrl);
    const fromOutside = await fetch(`http://${externalAddress}:${port}/outbox`, { redirect: 'manual' });
    expect(fromOutside.status).toBe(303);
    expect(fromOutside.headers.get('location')).toBe('/sign-in?next=%2Foutbox');
    const fromHere = await fetch(`${server.baseUrl}/outbox`, { redirect: 'manual' });
    expect(fromHere.status).toBe(200);
  },
);

/** Sends the headers (waiting for the server's 100 Continue) and half the body; the rest later. */
const startSlowPost = async (url: string, body: string, cookie: string, agent: http.Agent) => {
  const request = http.request(url, {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      cookie,
      expect: '100-continue',
    },
  });
  const response = new Promise<{
    status: number;
    location: string | undefined;
    connection: string | undefined;
  }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          connection: res.headers.connection,
        }),
      );
    });
  });
  // The server has read the headers and is handling the request once it says "continue".
  await new Promise<void>((resolve, reject) => {
    request.once('continue', () => resolve());
    request.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return { response, finish: () => request.end(body.slice(half)) };
};

test('SIGTERM stops taking connections, lets a request in flight finish and store its application, then exits 0', async () => {
  server = await startServerProcess({ args: ['--demo-if-empty'], env: { LOG_LEVEL: 'info' } });
  const roundId = await findOpenRoundId(server.baseUrl);
  const session = await openApplicantSession(server.baseUrl, roundId);
  const answers = { ...generateSyntheticPool({ count: 1, seed: 11 })[0]!.answers, email: 'late@example.org' };
  // A browser keeps connections open: one sits idle after a page, another carries the slow post.
  const idleAgent = new http.Agent({ keepAlive: true });
  const agent = new http.Agent({ keepAlive: true });
  const idle = await new Promise<number>((resolve, reject) =>
    http
      .get(`${server!.baseUrl}/healthz`, { agent: idleAgent }, (res) =>
        res.resume().on('end', () => resolve(res.statusCode ?? 0)),
      )
      .on('error', reject),
  );
  expect(idle).toBe(200);
  const post = await startSlowPost(
    `${server.baseUrl}/rounds/${encodeURIComponent(roundId)}/apply`,
    encodeApplication(session, answers),
    session.cookie,
    agent,
  );

  const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  await server.waitForOutput(/shutting down/);
  // No new connections once shutting down.
  expect(await connects(`${server.baseUrl}/healthz`)).toBe(false);

  post.finish();
  const answered = await post.response;
  expect(answered.status).toBe(303);
  expect(answered.location).toBe(`/rounds/${encodeURIComponent(roundId)}/applied`);
  // The connection is closed after the answer, and the idle one does not hold the exit open.
  expect(answered.connection).toBe('close');
  expect(await exited).toBe(0);
  agent.destroy();
  idleAgent.destroy();

  const database = openDatabase({ dialect: 'sqlite', path: join(server.dataDir, 'iln.sqlite') });
  try {
    const stored = await database.db
      .selectFrom('applications')
      .select('status')
      .where('email', '=', 'late@example.org')
      .execute();
    expect(stored).toEqual([{ status: 'pending' }]);
    const mail = await database.db
      .selectFrom('mail_messages')
      .select('kind')
      .where('to_address', '=', 'late@example.org')
      .execute();
    expect(mail).toEqual([{ kind: 'application-received' }]);
  } finally {
    await database.close();
  }
});
