import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import type { UseCaseDeps } from '../ports/deps';
import { createCoordinator } from './create-coordinator';
import { requestSignInLink } from './request-sign-in-link';
import { setOwnLanguage } from './set-own-language';
import { findViewerByEmail } from './viewers';

// A coordinator's sign-in email follows the language they chose in their profile, not the
// language of the page they asked from (often a browser in another language, or the default).

let database: TestDatabase;
let deps: UseCaseDeps;

beforeEach(async () => {
  database = await createTestDatabase();
  deps = testServiceDeps(database, { now: () => new Date('2027-02-01T10:00:00.000Z') });
  await createCoordinator(deps, {
    email: 'ana@example.org',
    name: 'Ana',
    countryCodes: ['MX'],
    actorPersonId: null,
  });
});
afterEach(async () => {
  await database.dispose();
});

const localeOfLink = async (pageLocale: string): Promise<string | undefined> => {
  let locale: string | undefined;
  await requestSignInLink(deps, {
    email: 'ana@example.org',
    ipAddress: null,
    locale: pageLocale,
    issueLink: async (_person, options) => {
      locale = options.locale;
    },
  });
  return locale;
};

test('without a choice the email is in the page language; with one, in the chosen language', async () => {
  expect(await localeOfLink('en')).toBe('en');
  const viewer = await findViewerByEmail(deps, 'ana@example.org');
  await setOwnLanguage(deps, { viewer: viewer ?? null, language: 'es' });
  expect(await localeOfLink('en')).toBe('es');
  expect(await localeOfLink('fr')).toBe('es');
});
