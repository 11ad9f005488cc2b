import { expect, test } from 'vitest';
import { createMessageRenderer } from '../render-message';

const render = createMessageRenderer({ baseUrl: 'https://iln.example.org/' });
const message = (overrides: { locale?: string; textLocale?: string; body?: string; name?: string } = {}) =>
  ({
    kind: 'topic',
    to: 'ana@example.org',
    locale: overrides.locale ?? 'en',
    dedupeKey: 'topic:t1:a1',
    payload: {
      name: overrides.name ?? 'Ana',
      roundId: 'r1',
      roundName: 'March 2027 round',
      topicId: 't1',
      number: 3,
      publishOn: '2027-03-29',
      title: 'Library spaces',
      body: overrides.body ?? 'Describe **your favourite** space.\n\n- one\n- two',
      textLocale: overrides.textLocale ?? 'en',
      applicationId: 'a1',
    },
  }) as const;

test('the topic email: subject, greeting, the topic formatted and as text, and a link to it on the site', () => {
  const email = render(message({ name: 'Ana <Obi>' }));
  expect(email.subject).toBe('Topic 3: Library spaces');
  expect(email.html).toContain(
    '<h1 style="margin:0 0 16px;font-size:24px;line-height:1.25;color:#1f2328;">Library spaces</h1>',
  );
  expect(email.html).toContain('Hello Ana &lt;Obi&gt;,');
  expect(email.html).toContain('Describe <strong>your favourite</strong> space.');
  expect(email.html).toContain('<li>one</li>');
  expect(email.html).toContain('href="https://iln.example.org/topics/t1?lang=en"');
  expect(email.text).toContain('Hello Ana <Obi>,');
  expect(email.text).toContain('Here is discussion topic 3 of March 2027 round.');
  expect(email.text).toContain('Describe **your favourite** space.\n\n- one\n- two');
  expect(email.text).toContain('Read it on the website:\nhttps://iln.example.org/topics/t1?lang=en');
});

test('markup in the body is sanitised in HTML and left out of the text', () => {
  const email = render(
    message({ body: 'Hi <img src=x onerror="alert(1)"><script>alert(2)</script>[x](javascript:alert(3))' }),
  );
  expect(email.html).not.toMatch(/onerror|<script|javascript:/);
  expect(email.text).not.toMatch(/onerror|<script|alert\(2\)/);
});

test('a body in another language than the email around it is marked with its language', () => {
  // German has no catalogs, so the email around a Spanish topic is in English.
  expect(render(message({ locale: 'de', textLocale: 'es' })).html).toContain('<div lang="es" dir="ltr"');
  // French has: the email is in French around an English topic, and around a French one.
  expect(render(message({ locale: 'fr', textLocale: 'en' })).html).toContain('<div lang="en" dir="ltr"');
  expect(render(message({ locale: 'fr', textLocale: 'fr' })).html).not.toContain('<div lang=');
});
