import http from 'node:http';
import type { ApplicationAnswers } from '../../src/core/applications';
import { answersToFormValues } from '../../src/web/views/applications/form-values';

/**
 * An applicant's browser without the browser: fetches the form once for its CSRF cookie and
 * token, then posts applications the way the HTML form does. Used by the crash test and the
 * deadline-rush benchmark.
 */
export interface ApplicantSession {
  baseUrl: string;
  roundId: string;
  cookie: string;
  csrfToken: string;
}

/** The round open for applications, as /apply names it. */
export const findOpenRoundId = async (baseUrl: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/apply`, { redirect: 'manual' });
  const match = /\/rounds\/([^/]+)\/apply/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(`no round is open for applications at ${baseUrl} (status ${response.status})`);
  return decodeURIComponent(match[1]!);
};

export const openApplicantSession = async (baseUrl: string, roundId: string): Promise<ApplicantSession> => {
  const response = await fetch(`${baseUrl}/rounds/${encodeURIComponent(roundId)}/apply`);
  const html = await response.text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
  const cookie = (response.headers.getSetCookie?.() ?? []).map((header) => header.split(';')[0]).join('; ');
  if (!csrfToken || !cookie)
    throw new Error(`the application form gave no CSRF token (status ${response.status})`);
  return { baseUrl, roundId, cookie, csrfToken };
};

export const encodeApplication = (session: ApplicantSession, answers: ApplicationAnswers): string => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(answersToFormValues(answers))) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  body.append('_csrf', session.csrfToken);
  return body.toString();
};

/**
 * Keeps connections open between posts, like a browser. node:http rather than fetch: the load
 * generator shares the benchmark machine's cores with the server, and fetch's Request, Headers
 * and stream objects cost about twice the CPU per post.
 */
const agent = new http.Agent({
  keepAlive: true,
  maxSockets: 1024,
  // Round-robin over the open connections, so that none sits idle until the server's keep-alive
  // timeout closes it just as a post is sent on it (undici's fetch reads the server's timeout hint;
  // node:http does not).
  scheduling: 'fifo',
});

/**
 * Each post comes from its own network address, as in a real deadline rush, told to the server the
 * way a reverse proxy on its machine would (X-Forwarded-For): without it every post would be one
 * client to the per-network limit on applying. Addresses from 198.18.0.0/15, the block set aside
 * for benchmarks (RFC 2544).
 */
let posted = 0;
const nextClientAddress = () => {
  const n = posted++ % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
};

/** Posts one application; `acknowledged` means the server answered that it was stored. */
export const postApplication = (
  session: ApplicantSession,
  answers: ApplicationAnswers,
): Promise<{ acknowledged: boolean; status: number }> =>
  new Promise((resolve, reject) => {
    const body = encodeApplication(session, answers);
    const request = http.request(
      `${session.baseUrl}/rounds/${encodeURIComponent(session.roundId)}/apply`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          cookie: session.cookie,
          origin: session.baseUrl,
          'x-forwarded-for': nextClientAddress(),
        },
      },
      (response) => {
        response.resume();
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const acknowledged = status === 303 && /\/applied/.test(response.headers.location ?? '');
          resolve({ acknowledged, status });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
