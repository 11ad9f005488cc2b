/**
 * What an attacker (or a broken client) types and sends, for the hostile-input harness. None of
 * these strings contains the words the harness looks for in responses (database error text,
 * exception names), so finding one there always means the server leaked it.
 */

/** Script payloads, and what each looks like when it reaches a page unescaped. */
export const SCRIPT_PAYLOADS: { payload: string; unescaped: string }[] = [
  { payload: '<script>hx(1)</script>', unescaped: '<script>hx(1)' },
  { payload: '"><img src=x onerror=hx(2)>', unescaped: '<img src=x onerror=hx(2)>' },
  { payload: "'><svg onload=hx(3)>", unescaped: '<svg onload=hx(3)>' },
  { payload: '" autofocus onfocus="hx(4)', unescaped: 'onfocus="hx(4)' },
  { payload: "' onmouseover='hx(5)", unescaped: "onmouseover='hx(5)" },
  { payload: 'javascript:hx(6)', unescaped: 'href="javascript:hx(6)' },
  { payload: '</textarea><script>hx(7)</script>', unescaped: '</textarea><script>hx(7)' },
  { payload: '<iframe srcdoc="<script>hx(8)</script>">', unescaped: '<iframe srcdoc=' },
  { payload: '<a href="javascript:hx(9)">x</a>', unescaped: '<a href="javascript:hx(9)' },
  {
    payload: '{{constructor.constructor("hx(10)")()}}',
    unescaped: '{{constructor.constructor("hx(10)")()}}',
  },
];

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  '1; DROP TABLE applications; --',
  "x'); DELETE FROM resources; --",
  "1' UNION SELECT email, name FROM people --",
  "%' AND 1=0 UNION ALL SELECT NULL --",
  "\\'; SELECT pg_sleep(0); --",
  "' || (SELECT sqlite_version()) || '",
  "1' AND extractvalue(1, concat(0x7e, version())) --",
  "admin'/*",
  "''''''''",
];

export const UNICODE_EDGE_CASES = [
  '\uD800', // a lone high surrogate
  '\uDFFF', // a lone low surrogate
  'a\uD83Db', // half an emoji in the middle
  '\u202Egnp.exe\u202C', // right-to-left override
  '\u2066isolate\u2069\u200F',
  '\u200B\u200C\u200D\u2060\uFEFF', // zero-width characters
  `e${'\u0301'.repeat(200)}`, // combining marks piled up
  'Z\u0337\u0322\u031B\u0318a\u0336l\u0335g\u0337o\u0338',
  '\u0000', // NUL
  'a\u0000b',
  '\u0000'.repeat(20),
  '\u0085\u2028\u2029', // line separators
  'x\r\nSet-Cookie: hx=1', // a header break
  '\r\n\r\n<html>',
  '\t\v\f\b\u0007\u001b[31m',
  '\uFFFE\uFFFF\uFDD0',
  '👩🏽‍💻🏳️‍🌈',
  '𝕏𝔂𝖟',
  'İıß\u0130ǅ',
  'مرحبا بالعالم',
  'שלום עולם',
  '日本語のテキスト',
  'ﷺ﷽',
  '\u00A0\u3000 ',
  'Ａｄｍｉｎ', // full-width
];

/** Values of the wrong type or shape for fields that expect a number, a date, a code, a choice. */
export const WRONG_TYPED = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '9007199254740993',
  '0x1F',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"a":1}',
  '[object Object]',
  '__proto__',
  'constructor',
  'toString',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '99999-12-31',
  '24:00',
  '25:61',
  '-01:00',
  'ZZ',
  'zz',
  'XX',
  'Not/AZone',
  'Etc/GMT+99',
  '../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%',
  '%E0%A4%A',
  '$t(errors.internal.title)',
  '{{email}}',
  '%s%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection payload, meant literally.
  '${7*7}',
  'on',
  'off',
  'up',
  'down',
  'accept',
  'publish',
];

export const HOSTILE_FIELD_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'languages.999999999.code',
  'languages.-1.code',
  'languages.1e9.level',
  'availability.windows.99999.day',
  'a[b][c]',
  'a..b',
  '.',
  '',
  'x'.repeat(2000),
  'ids[]',
  'map.__proto__',
];

export const oversized = (length: number, unit = 'x') =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Strings of every kind above, and long ones. */
export const HOSTILE_STRINGS: string[] = [
  ...SCRIPT_PAYLOADS.map((p) => p.payload),
  ...SQL_PAYLOADS,
  ...UNICODE_EDGE_CASES,
  ...WRONG_TYPED,
  oversized(5_000),
  oversized(70_000, 'é'),
  oversized(400_000, 'a<b>&"\'\n'),
];

/** Bodies that are not valid `application/x-www-form-urlencoded`, as bytes. */
export const BROKEN_URLENCODED: Uint8Array[] = [
  '=',
  '&&&==&=',
  'name=%',
  'name=%zz',
  'title=%E0%A4%A',
  'title=%C0%AF%C0%AF',
  'title=%ED%A0%80', // an encoded lone surrogate
  'title=%FF%FE%FD',
  '%=%&%%=%%',
  'a=1;b=2',
  'title=+++%2B%2B',
  `${'a=1&'.repeat(5000)}a=%`,
].map((text) => new TextEncoder().encode(text));

/** Raw invalid UTF-8 (bytes that no encoder would produce). */
export const INVALID_UTF8: Uint8Array[] = [
  Uint8Array.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3d, 0xff, 0xfe, 0xfd]),
  Uint8Array.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3d, 0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
  Uint8Array.from([0x62, 0x6f, 0x64, 0x79, 0x3d, 0xed, 0xa0, 0x80, 0x26, 0x78, 0x3d, 0x00]),
  Uint8Array.from([0xef, 0xbb, 0xbf, 0x3d, 0x3d, 0xf8, 0x88, 0x80, 0x80, 0x80]),
];

/** Multipart bodies that cannot be parsed, with the content type each is sent with. */
export const BROKEN_MULTIPART: { contentType: string; body: string }[] = [
  {
    contentType: 'multipart/form-data',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
  },
  { contentType: 'multipart/form-data; boundary=', body: '--\r\n\r\n' },
  {
    contentType: 'multipart/form-data; boundary=abc',
    body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--',
  },
  {
    contentType: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
  },
  { contentType: 'multipart/form-data; boundary=abc', body: '--abc\r\n\r\nno headers\r\n--abc--\r\n' },
  {
    contentType: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--abc--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data; name="a"; filename="../../etc/passwd"\r\nContent-Type: text/csv\r\n\r\nx\r\n--abc--\r\n',
  },
  { contentType: 'multipart/form-data; boundary=abc', body: '' },
  { contentType: 'multipart/form-data; boundary=abc', body: '--abc--' },
  {
    contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`,
    body: `--${'b'.repeat(200)}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${'b'.repeat(200)}--\r\n`,
  },
  {
    contentType: 'multipart/form-data; boundary="a b"',
    body: '--a b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--a b--\r\n',
  },
  {
    contentType: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data; name="\u0000\uD800"\r\n\r\n\uD800\r\n--abc--\r\n',
  },
  { contentType: 'multipart/mixed; boundary=abc', body: '--abc\r\n\r\n--abc--' },
];

/** Content types a form route does not expect. */
export const ODD_CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/x-www-form-urlencoded; charset=utf-7',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'multipart/form-data; boundary=abc; boundary=def',
  ';;;',
  'x/y; a="unterminated',
];

/** Request headers with hostile values (the value of `cookie` is appended to the client's own cookies). */
export const HOSTILE_HEADERS: [string, string][] = [
  ['accept-language', '*;q=abc, ../../etc, <script>hx(1)</script>'],
  ['accept-language', oversized(5000, 'en-GB;q=0.9,')],
  ['accept-language', 'zz-ZZ, ar;q=1.5, \u202Efr'],
  ['accept', 'application/json'],
  ['accept', 'text/html;q=0, application/json;q=1'],
  ['cookie', 'lang=%E0%A4%A'],
  ['cookie', 'lang=<script>hx(1)</script>'],
  // The flash message is base64url JSON (web/flash.ts): one carrying a script must be shown escaped.
  [
    'cookie',
    `iln_flash=${Buffer.from(JSON.stringify({ kind: 'error', message: '<script>hx(1)</script>' })).toString('base64url')}`,
  ],
  ['cookie', 'iln_flash=not-json%'],
  ['cookie', '=;==;;a'],
  ['cookie', 'iln.session_token=%00x.y'],
  ['cookie', 'iln.session_token=%E0%A4%A'],
  ['cookie', "iln.session_token=' OR '1'='1"],
  ['cookie', `iln.session_token=${'x'.repeat(4000)}`],
  ['cookie', 'iln_csrf=%00'],
  ['x-forwarded-for', "1.2.3.4, ' OR '1'='1, ::ffff:999.1.1.1"],
  ['x-forwarded-for', oversized(3000, '9.9.9.9,')],
  ['if-none-match', '"\u0000"'],
  ['hx-request', 'true'],
  ['hx-target', '<script>hx(1)</script>'],
  ['origin', 'null'],
  ['referer', 'javascript:hx(6)'],
];
