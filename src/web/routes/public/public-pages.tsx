import { Hono } from 'hono';
import { findCurrentOrNextRound } from '../../../core/rounds';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { HomePage } from '../../views/public/home';
import { CodeOfConductPage, FaqPage, HowItWorksPage, PrivacyPage } from '../../views/public/info-pages';
import type { WebDeps } from '../../web-deps';

/** The pages anyone can read: home, how matching works, questions, code of conduct, privacy. */
export const publicPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    // The demo note (sign in as the demo coordinator, read the outbox) is for development copies
    // only: a production instance started on a copy of a demo database never shows it.
    const [allRounds, demo] = await Promise.all([
      ctx.services.rounds.list(),
      ctx.config.isProduction ? undefined : ctx.services.program.findDemoSignIns(),
    ]);
    return renderPage(c, {
      title: c.get('t')('public:home.title'),
      children: <HomePage current={findCurrentOrNextRound(allRounds, ctx.now())} demo={demo} />,
    });
  });

  app.get('/how-it-works', (c) =>
    renderPage(c, { title: c.get('t')('public:howItWorks.title'), children: <HowItWorksPage /> }),
  );
  app.get('/faq', (c) => renderPage(c, { title: c.get('t')('public:faq.title'), children: <FaqPage /> }));
  app.get('/code-of-conduct', (c) =>
    renderPage(c, { title: c.get('t')('public:conduct.title'), children: <CodeOfConductPage /> }),
  );
  app.get('/privacy', (c) =>
    renderPage(c, { title: c.get('t')('public:privacy.title'), children: <PrivacyPage /> }),
  );

  return app;
};
