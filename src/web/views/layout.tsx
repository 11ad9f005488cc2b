import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TFunction } from 'i18next';
import { PARTICIPANT_AREA_PATH } from '../../core/people/participant-area';
import { isCoordinator, type Viewer } from '../../core/people/viewer';
import { DEFAULT_LOCALE, getT, supportedLocales } from '../../i18n';
import { assetUrl } from '../assets';
import type { AppEnv } from '../env';
import { takeFlash } from '../flash';
import { CsrfField, type FlashMessage, Notice } from './components';
import { ShellContext } from './shell-context';

declare module 'hono' {
  interface ContextVariableMap {
    /** Whether mail goes to the development outbox (set in app.ts); shows the Outbox link. */
    isOutboxEnabled?: boolean;
  }
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

export const textDirection = (locale: string): 'ltr' | 'rtl' =>
  RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';

// htmx may not evaluate strings as code nor inject inline styles: both would break the CSP.
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
});

interface NavLink {
  href: string;
  label: string;
}

const navigationFor = (t: TFunction, viewer: Viewer | null, isOutboxEnabled: boolean): NavLink[] => {
  if (isCoordinator(viewer)) {
    return [
      { href: '/coordinator', label: t('nav.dashboard') },
      { href: '/coordinator/rounds', label: t('nav.rounds') },
      // The resources page is program-wide: program coordinators edit it (routes/resources/).
      ...(viewer.isProgramCoordinator ? [{ href: '/coordinator/resources', label: t('nav.resources') }] : []),
      { href: '/coordinator/surveys', label: t('nav.surveys') },
      ...(viewer.isProgramCoordinator
        ? [
            { href: '/coordinator/people', label: t('nav.people') },
            { href: '/coordinator/audit', label: t('nav.audit') },
          ]
        : []),
      // The outbox is for program coordinators only (routes/mail/outbox-pages.tsx).
      ...(isOutboxEnabled && viewer.isProgramCoordinator
        ? [{ href: '/outbox', label: t('nav.outbox') }]
        : []),
    ];
  }
  return [
    { href: '/', label: t('nav.home') },
    ...(viewer ? [{ href: PARTICIPANT_AREA_PATH, label: t('nav.participant') }] : []),
    { href: '/how-it-works', label: t('nav.howItWorks') },
    { href: '/faq', label: t('nav.faq') },
    { href: '/code-of-conduct', label: t('nav.codeOfConduct') },
    { href: '/privacy', label: t('nav.privacy') },
  ];
};

/** Top-level entries (home, the dashboard) are current only on themselves, not on pages below them. */
const isCurrent = (href: string, path: string) =>
  href === '/' || href === '/coordinator' ? path === href : path === href || path.startsWith(`${href}/`);

export interface LayoutProps {
  t: TFunction;
  locale: string;
  viewer: Viewer | null;
  /** Omit only on pages rendered before the CSRF middleware ran (some error pages). */
  csrfToken?: string | undefined;
  /** The page's own title; the program name is appended. */
  title: string;
  /** Request path, to mark the current navigation link. */
  currentPath?: string;
  flash?: FlashMessage | undefined;
  isOutboxEnabled?: boolean;
  children?: Child;
}

const LanguageChooser = ({ t, locale }: { t: TFunction; locale: string }) => {
  const locales = supportedLocales();
  if (locales.length < 2) return null;
  return (
    <form method="get" action="" class="language-chooser">
      <label for="language-chooser">{t('footer.language')}</label>{' '}
      <select id="language-chooser" name="lang">
        {locales.map((code) => (
          <option value={code} selected={code === locale} lang={code}>
            {new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button button--secondary">
        {t('footer.changeLanguage')}
      </button>
    </form>
  );
};

/** The page frame: head, skip link, header with navigation by role, main landmark, footer. */
export const Layout = ({
  t,
  locale,
  viewer,
  csrfToken,
  title,
  currentPath = '',
  flash,
  isOutboxEnabled = false,
  children,
}: LayoutProps) => {
  const links = navigationFor(t, viewer, isOutboxEnabled);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('program.name')}`}</title>
        {csrfToken && <meta name="csrf-token" content={csrfToken} />}
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer />
        <script src={assetUrl('app.js')} defer />
      </head>
      <body hx-headers={csrfToken ? JSON.stringify({ 'X-CSRF-Token': csrfToken }) : undefined}>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-header__name" href="/">
              {t('program.name')}
            </a>
            <nav class="site-nav" aria-label={t('nav.label')}>
              <ul>
                {links.map((link) => (
                  <li>
                    <a href={link.href} aria-current={isCurrent(link.href, currentPath) ? 'page' : undefined}>
                      {link.label}
                    </a>
                  </li>
                ))}
                {viewer && (
                  <li>
                    <a
                      href="/sign-out/everywhere"
                      aria-current={currentPath === '/sign-out/everywhere' ? 'page' : undefined}
                    >
                      {t('nav.signOutEverywhere')}
                    </a>
                  </li>
                )}
                {viewer ? (
                  <li>
                    <form method="post" action="/sign-out" class="site-nav__form">
                      {csrfToken && <CsrfField token={csrfToken} />}
                      <button type="submit" class="link-button">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                ) : (
                  <li>
                    <a href="/sign-in" aria-current={currentPath === '/sign-in' ? 'page' : undefined}>
                      {t('nav.signIn')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {flash && <Notice kind={flash.kind}>{<p>{flash.message}</p>}</Notice>}
          <ShellContext.Provider value={{ t, locale, timeZone: viewer?.timeZone ?? null }}>
            {children}
          </ShellContext.Provider>
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('footer.tagline')}</p>
            <ul class="site-footer__links">
              <li>
                <a href="/code-of-conduct">{t('nav.codeOfConduct')}</a>
              </li>
              <li>
                <a href="/privacy">{t('nav.privacy')}</a>
              </li>
              <li>
                <a href="/faq">{t('nav.faq')}</a>
              </li>
              <li>
                <a href="/reports">{t('nav.reports')}</a>
              </li>
            </ul>
            <LanguageChooser t={t} locale={locale} />
          </div>
        </footer>
      </body>
    </html>
  );
};

/** Per-request values for a page, with safe fallbacks when a middleware has not run (errors). */
export const pageValuesOf = (c: Context<AppEnv>) => {
  const locale = c.get('locale') ?? DEFAULT_LOCALE;
  return {
    t: c.get('t') ?? getT(locale),
    locale,
    viewer: c.get('viewer') ?? null,
    csrfToken: c.get('csrfToken') as string | undefined,
    isOutboxEnabled: c.get('isOutboxEnabled') ?? false,
  };
};

export interface RenderPageOptions {
  title: string;
  children?: Child;
  /** Defaults to 200. */
  status?: ContentfulStatusCode;
}

/**
 * Renders a full HTML page in the layout: `return renderPage(c, { title: t('x.title'), children: <…/> })`.
 * Shows (and clears) a flash message set with setFlash() before a redirect.
 */
export const renderPage = (c: Context<AppEnv>, { title, children, status = 200 }: RenderPageOptions) => {
  const values = pageValuesOf(c);
  const page = (
    <Layout {...values} title={title} currentPath={c.req.path} flash={takeFlash(c)}>
      {children}
    </Layout>
  );
  return c.html(html`<!DOCTYPE html>${page}`, status);
};

/**
 * Renders a piece of HTML without the layout (an htmx swap target), with the page's language
 * available to components.
 */
export const renderFragment = (
  c: Context<AppEnv>,
  children: Child,
  status: RenderPageOptions['status'] = 200,
) => {
  const { t, locale, viewer } = pageValuesOf(c);
  return c.html(
    <ShellContext.Provider value={{ t, locale, timeZone: viewer?.timeZone ?? null }}>
      {children}
    </ShellContext.Provider>,
    status,
  );
};
