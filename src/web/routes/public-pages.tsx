import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../app-context';
import { DEFAULT_QUOTA_SETTINGS } from '../../core/applications/country-quota';
import { findCurrentOrNextRound, ROUND_STATUSES, type Round } from '../../core/rounds';
import type { Database } from '../../db/schema';
import type { AppEnv } from '../env';
import { renderPage } from '../views/layout';
import { HomePage } from '../views/public/home';
import { CodeOfConductPage, FaqPage, HowItWorksPage, PrivacyPage } from '../views/public/info-pages';

// TODO(rounds-repository): replace with listRounds from src/db/repositories/rounds-repository.ts
// once it exists; this reads only what the home page shows.
const listPublicRounds = async (db: Kysely<Database>): Promise<Round[]> => {
  const rows = await db
    .selectFrom('rounds')
    .select([
      'id',
      'name',
      'status',
      'time_zone',
      'applications_open_at',
      'applications_close_at',
      'starts_on',
      'ends_on',
      'quota_percent',
    ])
    .where('status', 'in', ['open', 'closed', 'matching', 'under-way'])
    .execute();
  return rows.flatMap((row) => {
    const status = ROUND_STATUSES.find((known) => known === row.status);
    if (!status) return [];
    return [
      {
        id: row.id,
        name: row.name,
        status,
        programTimeZone: row.time_zone,
        applicationsOpenAt: new Date(row.applications_open_at),
        applicationsCloseAt: new Date(row.applications_close_at),
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        quota:
          row.quota_percent === null
            ? { ...DEFAULT_QUOTA_SETTINGS, enabled: false }
            : { ...DEFAULT_QUOTA_SETTINGS, capPercent: row.quota_percent },
      },
    ];
  });
};

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

  app.get('/', async (c) => {
    const db = ctx.database.db;
    const [rounds, demoCoordinatorEmail] = await Promise.all([
      listPublicRounds(db),
      findDemoCoordinatorEmail(db),
    ]);
    return renderPage(c, {
      title: c.get('t')('public:home.title'),
      children: (
        <HomePage
          current={findCurrentOrNextRound(rounds, ctx.now())}
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
