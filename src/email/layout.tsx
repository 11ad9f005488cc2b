import { raw } from 'hono/html';
import type { TFunction } from 'i18next';

/**
 * The one layout every email uses: a single readable column (no layout tables), inline styles
 * because many mail clients drop <style>, the language and direction on <html> so screen readers
 * pronounce it right, the action link also written out in full for clients that hide buttons,
 * and a plain-text alternative that says everything the HTML says.
 */

export interface RenderedEmail {
  html: string;
  text: string;
}

export interface EmailAction {
  label: string;
  /** Absolute http(s) URL. */
  url: string;
}

/**
 * A few links to choose from, each a whole answer (the one-click check-in answers): listed after
 * the paragraphs, each written out in full in the plain-text part.
 */
export interface EmailChoices {
  intro: string;
  links: EmailAction[];
  /** A line under the links (until when they work, what opening one does). */
  note?: string;
}

export interface EmailContent {
  t: TFunction;
  locale: string;
  /** The preview line mail clients show after the subject. */
  preheader?: string;
  heading: string;
  /** Plain text; escaped in HTML, line breaks kept. */
  paragraphs: string[];
  /** Several links, each with what it is for: a list after the paragraphs (one link: use action). */
  links?: EmailAction[];
  choices?: EmailChoices | undefined;
  /**
   * Formatted content after the paragraphs (a topic's body): HTML that is already sanitised
   * (core/topics renderTopicMarkdown), with its plain-text version and, when it is written in
   * another language than the email, that language.
   */
  rich?: { html: string; text: string; lang?: string };
  /** Plain-text paragraphs after the formatted content. */
  closing?: string[];
  action?: EmailAction;
  /** Replaces the standard footer. */
  footer?: string;
}

const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'dv',
  'fa',
  'ha',
  'he',
  'khw',
  'ks',
  'ku',
  'ps',
  'sd',
  'ur',
  'yi',
]);

const directionOf = (locale: string): 'ltr' | 'rtl' =>
  RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';

const checkActionUrl = (url: string): void => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email action URL ${JSON.stringify(url)} is not an absolute URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Email action URL ${JSON.stringify(url)} must use http or https.`);
  }
};

const FONT = "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', Helvetica, Arial, sans-serif";
const styles = {
  body: 'margin:0;padding:0;background-color:#f3f3ef;',
  preheader: 'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;',
  article: `max-width:600px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#1f2328;font-family:${FONT};font-size:16px;line-height:1.5;`,
  programName: 'margin:0 0 16px;font-size:14px;font-weight:bold;color:#3d4f2f;',
  heading: 'margin:0 0 16px;font-size:24px;line-height:1.25;color:#1f2328;',
  paragraph: 'margin:0 0 16px;',
  rich: 'margin:0 0 16px;',
  button:
    'display:inline-block;padding:12px 20px;border-radius:4px;background-color:#0b5394;color:#ffffff;font-weight:bold;text-decoration:none;',
  fallback: 'margin:0 0 16px;font-size:14px;color:#444444;',
  fallbackLink: 'color:#0b5394;word-break:break-all;',
  list: 'margin:0 0 16px;padding:0 0 0 20px;',
  listItem: 'margin:0 0 12px;',
  listLink: 'color:#0b5394;font-weight:bold;',
  choices: 'margin:0 0 16px;padding-left:20px;',
  choice: 'margin:0 0 8px;',
  choiceLink: 'color:#0b5394;font-weight:bold;',
  rule: 'border:0;border-top:1px solid #d0d0c8;margin:24px 0 16px;',
  footer: 'margin:0;font-size:13px;color:#555555;',
} as const;

/** Web addresses written in a paragraph, without the punctuation that may follow them. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+?(?=[.,;:!?)]*(?:\s|$))/g;

/** A line with the web addresses in it made into links (the text part has them as they are). */
const Linked = ({ line }: { line: string }) => {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(line.slice(last, at));
    parts.push(
      <a href={match[0]} style={styles.fallbackLink}>
        {match[0]}
      </a>,
    );
    last = at + match[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return <>{parts as never}</>;
};

const Choices = ({ choices }: { choices: EmailChoices }) => (
  <>
    <p style={styles.paragraph}>{choices.intro}</p>
    <ul style={styles.choices}>
      {choices.links.map((link) => (
        <li style={styles.choice}>
          <a href={link.url} style={styles.choiceLink}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
    {choices.note && <p style={styles.fallback}>{choices.note}</p>}
  </>
);

/** Keeps the author's line breaks inside a paragraph. */
const Lines = ({ text }: { text: string }) => {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, index) => (
        <>
          {index > 0 && <br />}
          <Linked line={line} />
        </>
      ))}
    </>
  );
};

const standardFooter = (t: TFunction): string =>
  t('mail:layout.footer', { program: t('common:program.name') });

const EmailDocument = (props: EmailContent & { footerText: string }) => {
  const { t, locale, preheader, heading, paragraphs, links, choices, rich, closing, action, footerText } =
    props;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{heading}</title>
      </head>
      <body style={styles.body}>
        {preheader && <div style={styles.preheader}>{preheader}</div>}
        {/* biome-ignore lint/a11y/useSemanticElements: several mail clients strip <article>; role survives */}
        <div role="article" aria-roledescription="email" aria-label={heading} style={styles.article}>
          <p style={styles.programName}>{t('common:program.name')}</p>
          <h1 style={styles.heading}>{heading}</h1>
          {paragraphs.map((paragraph) => (
            <p style={styles.paragraph}>
              <Lines text={paragraph} />
            </p>
          ))}
          {links && links.length > 0 && (
            <ul style={styles.list}>
              {links.map((link) => (
                <li style={styles.listItem}>
                  <a href={link.url} style={styles.listLink}>
                    {link.label}
                  </a>
                  <br />
                  <a href={link.url} style={styles.fallbackLink}>
                    {link.url}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {rich && (
            <div lang={rich.lang} dir={rich.lang ? directionOf(rich.lang) : undefined} style={styles.rich}>
              {raw(rich.html)}
            </div>
          )}
          {(closing ?? []).map((paragraph) => (
            <p style={styles.paragraph}>
              <Lines text={paragraph} />
            </p>
          ))}
          {choices && <Choices choices={choices} />}
          {action && (
            <>
              <p style={styles.paragraph}>
                <a href={action.url} style={styles.button}>
                  {action.label}
                </a>
              </p>
              <p style={styles.fallback}>
                {t('mail:layout.linkFallback')}
                <br />
                <a href={action.url} style={styles.fallbackLink}>
                  {action.url}
                </a>
              </p>
            </>
          )}
          <hr style={styles.rule} />
          <p style={styles.footer}>
            <Lines text={footerText} />
          </p>
        </div>
      </body>
    </html>
  );
};

const renderText = (content: EmailContent, footerText: string): string => {
  const blocks = [`${content.heading}\n${'='.repeat(Math.min(Math.max(content.heading.length, 3), 72))}`];
  blocks.push(...content.paragraphs.map((paragraph) => paragraph.replace(/\r\n/g, '\n')));
  for (const link of content.links ?? []) blocks.push(`${link.label}:\n${link.url}`);
  if (content.rich) blocks.push(content.rich.text);
  blocks.push(...(content.closing ?? []).map((paragraph) => paragraph.replace(/\r\n/g, '\n')));
  if (content.choices) {
    const { intro, links, note } = content.choices;
    blocks.push([intro, ...links.map((link) => `- ${link.label}:\n  ${link.url}`)].join('\n'));
    if (note) blocks.push(note);
  }
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  // "-- " (with the space) is the standard signature separator; clients fold what follows.
  blocks.push(`-- \n${footerText}`);
  return `${blocks.join('\n\n')}\n`;
};

export const renderEmail = (content: EmailContent): RenderedEmail => {
  if (content.action) checkActionUrl(content.action.url);
  for (const link of content.links ?? []) checkActionUrl(link.url);
  for (const link of content.choices?.links ?? []) checkActionUrl(link.url);
  const footerText = content.footer ?? standardFooter(content.t);
  const rendered = (<EmailDocument {...content} footerText={footerText} />).toString();
  if (typeof rendered !== 'string') throw new Error('Email templates must render synchronously.');
  return { html: `<!DOCTYPE html>${rendered}`, text: renderText(content, footerText) };
};
