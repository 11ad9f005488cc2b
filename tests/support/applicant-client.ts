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

/** Posts one application; `acknowledged` means the server answered that it was stored. */
export const postApplication = async (
  session: ApplicantSession,
  answers: ApplicationAnswers,
): Promise<{ acknowledged: boolean; status: number }> => {
  const response = await fetch(`${session.baseUrl}/rounds/${encodeURIComponent(session.roundId)}/apply`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: session.cookie,
      origin: session.baseUrl,
    },
    body: encodeApplication(session, answers),
  });
  await response.arrayBuffer();
  const acknowledged = response.status === 303 && /\/applied/.test(response.headers.get('location') ?? '');
  return { acknowledged, status: response.status };
};
