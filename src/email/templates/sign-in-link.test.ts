import { expect, test } from 'vitest';
import { renderSignInLinkEmail } from './sign-in-link';

test('the sign-in email carries the link, its lifetime and a plain-text twin', () => {
  const url = 'https://iln.example.org/sign-in/verify?token=abc&next=%2Fcoordinator';
  const email = renderSignInLinkEmail({ name: 'Ada <Lovelace>', url, minutes: 15, locale: 'en' });
  expect(email.subject).toBe('Your sign-in link for the International Librarians Network');
  expect(email.text).toContain('Hello Ada <Lovelace>,');
  expect(email.text).toContain(url);
  expect(email.text).toContain('The link works once and expires in 15 minutes.');
  expect(email.html).toContain(
    'href="https://iln.example.org/sign-in/verify?token=abc&amp;next=%2Fcoordinator"',
  );
  expect(email.html).toContain('Hello Ada &lt;Lovelace&gt;,');
  expect(email.html).toContain('expires in 15 minutes');
});
