import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * A topic's Markdown as HTML that is safe to put in a page or an email: Markdown by `marked`
 * (CommonMark + GitHub tables and strikethrough), then every tag and attribute not on a short
 * allow-list removed by `sanitize-html` (ADR 0017). Coordinators are trusted people, but a pasted
 * snippet, a compromised account or a mistake must never put script, forms, frames, styles,
 * tracking images or `javascript:` links in front of thousands of participants.
 *
 * Headings are shifted so that the body's top level is `headingLevel` (the page or email around
 * it owns the levels above). Links keep http, https and mailto only and get
 * `rel="noopener noreferrer"`. Images are not kept: emails and pages stay light on slow
 * connections and nobody is tracked by a remote image.
 *
 * Pure: the same text gives the same HTML. Results are remembered (a topic is rendered once per
 * language, not once per recipient); the memory is bounded.
 */

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  's',
  'del',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const headingTransforms = (headingLevel: number): Record<string, string> => {
  const transforms: Record<string, string> = {};
  for (let level = 1; level <= 6; level++)
    transforms[`h${level}`] = `h${Math.min(6, headingLevel + level - 1)}`;
  return transforms;
};

const sanitizeOptions = (headingLevel: number): sanitizeHtml.IOptions => ({
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    ...headingTransforms(headingLevel),
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
});

const optionsByLevel = new Map<number, sanitizeHtml.IOptions>();
const remembered = new Map<string, string>();
const MAX_REMEMBERED = 200;

/** The body's HTML, safe to insert as it is. `headingLevel`: what `# heading` becomes (2–6). */
export function renderTopicMarkdown(source: string, headingLevel = 2): string {
  if (!Number.isInteger(headingLevel) || headingLevel < 2 || headingLevel > 6) {
    throw new RangeError(`renderTopicMarkdown: headingLevel must be 2 to 6 (got ${headingLevel})`);
  }
  const key = `${headingLevel}\u0000${source}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  let options = optionsByLevel.get(headingLevel);
  if (!options) {
    options = sanitizeOptions(headingLevel);
    optionsByLevel.set(headingLevel, options);
  }
  const html = sanitizeHtml(markdown.parse(source) as string, options).trim();
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, html);
  return html;
}

const SCRIPT_OR_STYLE = /<(script|style|textarea|iframe|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g;

/**
 * The plain-text version of a body: the Markdown itself, which is made to be read as text, without
 * the HTML tags a coordinator may have typed into it (and without the content of a script or style
 * element), with Windows line ends made plain and runs of blank lines kept to one.
 */
export const topicPlainText = (source: string): string =>
  source
    .replace(/\r\n?/g, '\n')
    .replace(SCRIPT_OR_STYLE, '')
    .replace(TAG, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
