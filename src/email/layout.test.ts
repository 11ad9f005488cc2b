import { expect, test } from 'vitest';
import { getT } from '../i18n';
import { renderEmail } from './layout';

const t = getT('en');
const base = {
  t,
  locale: 'en',
  heading: 'Welcome to the round',
  paragraphs: ['Hello Ana,', 'Your partner is ready.'],
};

test('escapes user-supplied text in the HTML version', () => {
  const { html, text } = renderEmail({
    ...base,
    heading: 'Hi <b>Bob</b> & "friends"',
    paragraphs: ['<script>alert(1)</script>', "O'Brien <img src=x onerror=alert(1)>"],
    preheader: '<i>preview</i>',
  });
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<b>Bob');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('Hi &lt;b&gt;Bob&lt;/b&gt; &amp; &quot;friends&quot;');
  expect(html).toContain('&lt;i&gt;preview&lt;/i&gt;');
  // The plain-text version is not HTML and keeps the text as written.
  expect(text).toContain('<script>alert(1)</script>');
});

test('is a complete document with the language, one h1 and the paragraphs', () => {
  const { html } = renderEmail(base);
  expect(html.startsWith('<!DOCTYPE html><html lang="en" dir="ltr">')).toBe(true);
  expect(html.match(/<h1/g)).toHaveLength(1);
  expect(html).toContain('<title>Welcome to the round</title>');
  expect(html).toContain('Your partner is ready.');
  expect(html).not.toContain('<table');
});

test('right-to-left languages get dir="rtl"', () => {
  expect(renderEmail({ ...base, locale: 'ar' }).html).toContain('<html lang="ar" dir="rtl">');
});

test('the action is a link in HTML, written out in full, and in the plain text', () => {
  const url = 'https://iln.example.org/auth/verify?token=abc&next=%2Fme';
  const { html, text } = renderEmail({ ...base, action: { label: 'Sign in', url } });
  const escaped = 'https://iln.example.org/auth/verify?token=abc&amp;next=%2Fme';
  expect(html).toContain(`href="${escaped}"`);
  expect(html.split(`href="${escaped}"`)).toHaveLength(3); // the button and the written-out link
  expect(html).toContain(`>${escaped}</a>`);
  expect(html).toContain(t('mail:layout.linkFallback'));
  expect(text).toContain(`Sign in:\n${url}\n`);
});

test('the plain text says everything the HTML says, heading first, footer last', () => {
  const { text } = renderEmail({ ...base, paragraphs: ['Line one\nline two', 'Second paragraph'] });
  expect(text).toBe(
    [
      'Welcome to the round',
      '====================',
      '',
      'Line one\nline two',
      '',
      'Second paragraph',
      '',
      '-- ',
      t('mail:layout.footer', { program: 'International Librarians Network' }),
      '',
    ].join('\n'),
  );
});

test('line breaks inside a paragraph survive in HTML', () => {
  expect(renderEmail({ ...base, paragraphs: ['one\ntwo'] }).html).toContain('one<br/>two');
});

test('a custom footer replaces the standard one', () => {
  const { html, text } = renderEmail({ ...base, footer: 'You applied to Round 9 <2027>.' });
  expect(html).toContain('You applied to Round 9 &lt;2027&gt;.');
  expect(text.endsWith('-- \nYou applied to Round 9 <2027>.\n')).toBe(true);
});

test('refuses action links that are not http(s)', () => {
  expect(() => renderEmail({ ...base, action: { label: 'x', url: 'javascript:alert(1)' } })).toThrow(/http/);
  expect(() => renderEmail({ ...base, action: { label: 'x', url: '/relative' } })).toThrow(/absolute/);
});
