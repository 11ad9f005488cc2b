import { afterEach, beforeEach, expect, test } from 'vitest';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await signInAs(t, 'lead@example.org');
});
afterEach(async () => {
  await t.dispose();
});

const publicPage = async () => (await t.request('/resources')).text();
const idsOnManagePage = async () =>
  [
    ...(await (await t.request('/coordinator/resources')).text()).matchAll(
      /\/coordinator\/resources\/([^/"]+)\/edit/g,
    ),
  ].map((match) => match[1]!);

test('a coordinator adds, edits, reorders and removes resources, and the public page follows', async () => {
  const added = await t.postForm('/coordinator/resources', {
    title: 'Peer mentoring guide',
    url: 'https://example.org/guide',
    description: 'How to run a good partnership',
  });
  expect(added.status).toBe(303);
  await t.postForm('/coordinator/resources', {
    title: 'Icebreakers',
    url: 'https://example.org/ice',
    description: '',
  });
  let page = await publicPage();
  expect(page.indexOf('Peer mentoring guide')).toBeLessThan(page.indexOf('Icebreakers'));

  const [guide, icebreakers] = await idsOnManagePage();
  expect(guide && icebreakers).toBeTruthy();
  expect((await t.postForm(`/coordinator/resources/${icebreakers}/move`, { direction: 'up' })).status).toBe(
    303,
  );
  page = await publicPage();
  expect(page.indexOf('Icebreakers')).toBeLessThan(page.indexOf('Peer mentoring guide'));

  const edited = await t.postForm(`/coordinator/resources/${guide}`, {
    title: 'The peer mentoring guide',
    url: 'https://example.org/guide-2',
    description: '',
  });
  expect(edited.status).toBe(303);
  expect(await publicPage()).toContain('href="https://example.org/guide-2"');

  expect((await t.postForm(`/coordinator/resources/${icebreakers}/delete`, {})).status).toBe(303);
  page = await publicPage();
  expect(page).not.toContain('Icebreakers');
  expect(page).toContain('The peer mentoring guide');
});

test('a resource without a title or with a link that is not http(s) is refused next to the field, input kept', async () => {
  const refused = await t.postForm('/coordinator/resources', {
    title: '',
    url: 'javascript:alert(1)',
    description: 'kept text',
  });
  expect(refused.status).toBe(422);
  const html = await refused.text();
  expect(html).toContain('kept text');
  expect(html).toMatch(/class="[^"]*error/);
  const badLink = await t.postForm('/coordinator/resources', {
    title: 'A title',
    url: 'javascript:alert(1)',
    description: '',
  });
  expect(badLink.status).toBe(422);
  expect(await publicPage()).not.toContain('javascript:');
  expect(await publicPage()).not.toContain('A title');
});

test('the resources page is program-wide: a country coordinator may read it but not change it (403)', async () => {
  await t.postForm('/coordinator/resources', { title: 'Guide', url: 'https://example.org/guide' });
  const [id] = await idsOnManagePage();
  await t.ctx.services.people.createCoordinator({
    email: 'ke@example.org',
    name: 'Kenya',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  const kenya = await t.ctx.services.people.findViewerByEmail('ke@example.org');
  await signOut(t);
  await signInAs(t, 'ke@example.org');
  expect((await t.request('/coordinator/resources')).status).toBe(403);
  expect((await t.request(`/coordinator/resources/${id}/edit`)).status).toBe(403);
  for (const [path, form] of [
    ['/coordinator/resources', { title: 'Mine', url: 'https://example.org/mine' }],
    [`/coordinator/resources/${id}`, { title: 'Changed', url: 'https://example.org/changed' }],
    [`/coordinator/resources/${id}/move`, { direction: 'up' }],
    [`/coordinator/resources/${id}/delete`, {}],
  ] as const) {
    expect((await t.postForm(path, form)).status, path).toBe(403);
  }
  // The use cases refuse too, whatever calls them.
  await expect(
    t.ctx.services.resources.add({
      viewer: kenya!,
      form: { title: 'Mine', url: 'https://example.org/mine' },
    }),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(t.ctx.services.resources.remove({ viewer: kenya!, id: id! })).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  const page = await publicPage();
  expect(page).toContain('Guide');
  expect(page).not.toContain('Mine');
  expect(page).not.toContain('Changed');
  // The navigation no longer offers the page it would refuse.
  expect(await (await t.request('/coordinator')).text()).not.toContain('href="/coordinator/resources"');
});
