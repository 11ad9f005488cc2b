import { describe, expect, test } from 'vitest';
import { renderTopicMarkdown, topicPlainText } from './topic-markdown';

describe('renderTopicMarkdown', () => {
  test('renders paragraphs, emphasis, lists, links and tables', () => {
    const html = renderTopicMarkdown(
      [
        'Tell your partner about **your library**, and *why* you chose it.',
        '',
        '- one',
        '- two',
        '',
        'See [the guide](https://example.org/guide "Guide").',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(html).toContain(
      '<p>Tell your partner about <strong>your library</strong>, and <em>why</em> you chose it.</p>',
    );
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain(
      '<a href="https://example.org/guide" title="Guide" rel="noopener noreferrer">the guide</a>',
    );
    expect(html).toContain('<td>1</td>');
  });

  test.each([
    ['a script element', '<script>alert(1)</script>Hello', '<script', 'alert(1)'],
    ['an event handler', '<p onclick="alert(1)">Hi</p>', 'onclick', undefined],
    ['a javascript: link', '[x](javascript:alert(1))', 'javascript:', undefined],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', 'data:', undefined],
    ['a protocol-relative link', '<a href="//evil.example/x">x</a>', 'evil.example', undefined],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', '<iframe', undefined],
    ['a style element', '<style>body{display:none}</style>', '<style', 'display:none'],
    ['a style attribute', '<p style="position:fixed">x</p>', 'style=', undefined],
    ['a form', '<form action="https://evil.example"><input name="p"></form>', '<form', undefined],
    ['a tracking image', '![pixel](https://tracker.example/p.gif)', '<img', undefined],
    ['an image with an error handler', '<img src=x onerror="alert(1)">', 'onerror', undefined],
    ['an svg', '<svg onload="alert(1)"><circle/></svg>', '<svg', undefined],
  ])('removes %s', (_name, source, forbidden, alsoForbidden) => {
    const html = renderTopicMarkdown(source);
    expect(html).not.toContain(forbidden);
    if (alsoForbidden) expect(html).not.toContain(alsoForbidden);
  });

  test('keeps mailto links and escapes text that looks like markup', () => {
    expect(renderTopicMarkdown('[write to us](mailto:hello@example.org)')).toContain(
      'href="mailto:hello@example.org"',
    );
    expect(renderTopicMarkdown('1 < 2 & 3 > 2')).toBe('<p>1 &lt; 2 &amp; 3 &gt; 2</p>');
  });

  test('shifts headings so the body starts at the level it is given', () => {
    expect(renderTopicMarkdown('# A\n\n## B', 2)).toBe('<h2>A</h2>\n<h3>B</h3>');
    expect(renderTopicMarkdown('# A\n\n###### F', 4)).toBe('<h4>A</h4>\n<h6>F</h6>');
    expect(() => renderTopicMarkdown('# A', 1)).toThrow(/headingLevel/);
  });

  test('the same text gives the same HTML, from memory or not', () => {
    const source = 'Same *text*';
    expect(renderTopicMarkdown(source)).toBe(renderTopicMarkdown(source));
    for (let i = 0; i < 300; i++) renderTopicMarkdown(`filler ${i}`);
    expect(renderTopicMarkdown(source)).toBe('<p>Same <em>text</em></p>');
  });
});

test('the plain-text version is the Markdown with line ends made plain and typed-in HTML taken out', () => {
  expect(topicPlainText('  One\r\n\r\n\r\n\r\nTwo\rThree  ')).toBe('One\n\nTwo\nThree');
  expect(topicPlainText('Say **hi**<script>alert(1)</script> to <b>them</b> <!-- note -->, 1 < 2')).toBe(
    'Say **hi** to them , 1 < 2',
  );
});
