import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../app-context';
import { findCurrentOrNextRound } from '../../../core/rounds';
import { createRoundsRepository } from '../../../db/repositories/rounds/rounds-repository';
import type { Database } from '../../../db/schema';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { HomePage } from '../../views/public/home';
import { CodeOfConductPage, FaqPage, HowItWorksPage, PrivacyPage } from '../../views/public/info-pages';

const DemoSettingSchema = z.object({ coordinatorEmail: z.email() });

/** The demo seeder's note (program setting `demo`), or undefined on a real installation. */
const findDemoCoordinatorEmail = async (db: Kysely<Database>): Promise<string | undefined> => {
  const row = await db
    .selectFrom('program_settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (!row) return undefined;
  try {
    const parsed = DemoSettingSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data.coordinatorEmail : undefined;
  } catch {
    return undefined;
  }
};

/** The pages anyone can read: home, how matching works, questions, code of conduct, privacy. */
export const publicPages = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  const rounds = createRoundsRepository(ctx.database.db);

  app.get('/', async (c) => {
    const [allRounds, demoCoordinatorEmail] = await Promise.all([
      rounds.listRounds(),
      findDemoCoordinatorEmail(ctx.database.db),
    ]);
    return renderPage(c, {
      title: c.get('t')('public:home.title'),
      children: (
        <HomePage
          current={findCurrentOrNextRound(allRounds, ctx.now())}
          demoCoordinatorEmail={demoCoordinatorEmail}
        />
      ),
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
