import { type Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { DomainError, isDomainError } from '../../../core/errors';
import {
  isTopicScheduleLocked,
  TOPIC_SOURCE_LOCALE,
  TOPIC_TRANSLATION_LOCALES,
  type Topic,
} from '../../../core/topics';
import { translateError, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { PublicTopicPage, TopicArchivePage } from '../../views/topics/topic-archive-views';
import { TopicCalendarView, topicPath, topicsPath } from '../../views/topics/topic-calendar-view';
import { type TopicFormValues, TopicFormView } from '../../views/topics/topic-form-view';
import { TopicPreviewView } from '../../views/topics/topic-preview-view';
import type { WebDeps } from '../../web-deps';
import { EMAIL_HTML_CSP } from '../mail/outbox-pages';
import { buildRoundFeed } from './round-feed';

/** The form's text fields as submitted; the pressed button names the status. */
const readTopicForm = async (c: Context<AppEnv>): Promise<TopicFormValues> => {
  const body = await c.req.parseBody();
  const values: TopicFormValues = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
};

const formValuesOf = (topic: Topic): TopicFormValues => {
  const values: TopicFormValues = {
    title: topic.title,
    body: topic.body,
    publishOn: topic.publishOn,
    publishTime: topic.publishTime,
  };
  for (const locale of TOPIC_TRANSLATION_LOCALES) {
    values[`title_${locale}`] = topic.translations[locale]?.title;
    values[`body_${locale}`] = topic.translations[locale]?.body;
  }
  return values;
};

/** `now` as a calendar date in `timeZone`. */
const formatInZone = (now: Date, timeZone: string): string =>
  DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);

/** A translation language the topic may be read in (`es`, `es-MX`, `es-MX,en;q=0.8`), else English. */
const languageAsked = (value: string | undefined): string => {
  const language = (value ?? '').split(/[,;]/)[0]!.split(/[-_]/)[0]!.trim().toLowerCase();
  return (TOPIC_TRANSLATION_LOCALES as readonly string[]).includes(language) ? language : TOPIC_SOURCE_LOCALE;
};

/**
 * /coordinator/rounds/:roundId/topics: the round's topic calendar (every coordinator), writing,
 * editing, rescheduling, reordering and deleting topics (program coordinators), and the preview of
 * a topic's email (every coordinator).
 */
export const coordinatorTopicPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { topics, rounds } = ctx.services;
  const program = requireProgramCoordinator();
  app.use('/rounds/:roundId/topics/*', requireCoordinator());
  app.use('/rounds/:roundId/topics', requireCoordinator());

  /** The topic, if it belongs to the round named in the path (else NOT_FOUND). */
  const topicOfRound = async (c: Context<AppEnv>) => {
    const found = await topics.find({ viewer: c.get('viewer'), topicId: c.req.param('topicId') ?? '' });
    if (found.topic.roundId !== c.req.param('roundId')) {
      throw new DomainError('NOT_FOUND', 'topic.notFound', { id: found.topic.id });
    }
    return found;
  };

  app.get('/rounds/:roundId/topics', async (c) => {
    const calendar = await topics.calendar({ viewer: c.get('viewer'), roundId: c.req.param('roundId') });
    return renderPage(c, {
      title: c.get('t')('topics:calendar.title', { round: calendar.round.name }),
      children: <TopicCalendarView {...calendar} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.get('/rounds/:roundId/topics/new', program, async (c) => {
    const t = c.get('t');
    const { round, entries, now } = await topics.calendar({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
    });
    // The day asked for, else the first empty day of the plan still to come, else the first day.
    const today = formatInZone(now, round.programTimeZone);
    const nextFree = entries.find(
      (entry) => entry.slot && entry.topics.length === 0 && entry.publishOn >= today,
    );
    const publishOn = c.req.query('publishOn') ?? nextFree?.publishOn;
    return renderPage(c, {
      title: t('topics:form.newTitle', { round: round.name }),
      children: (
        <TopicFormView
          round={round}
          title={t('topics:form.newTitle', { round: round.name })}
          action={topicsPath(round.id)}
          values={{
            publishOn: publishOn && /^\d{4}-\d{2}-\d{2}$/.test(publishOn) ? publishOn : round.startsOn,
            publishTime: '09:00',
          }}
          problems={[]}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/rounds/:roundId/topics', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const values = await readTopicForm(c);
    try {
      const topic = await topics.create({ viewer: c.get('viewer'), roundId, form: values });
      setFlash(c, {
        kind: 'success',
        message: t(topic.status === 'draft' ? 'topics:flash.drafted' : 'topics:flash.scheduled', {
          title: topic.title,
        }),
      });
      return c.redirect(`${topicPath(roundId, topic.id)}/preview`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const round = await rounds.find(roundId);
      if (!round) throw error;
      return renderPage(c, {
        title: t('topics:form.newTitle', { round: round.name }),
        status: 422,
        children: (
          <TopicFormView
            round={round}
            title={t('topics:form.newTitle', { round: round.name })}
            action={topicsPath(round.id)}
            values={values}
            problems={translateProblems(t, error.details)}
            csrfToken={c.get('csrfToken')}
          />
        ),
      });
    }
  });

  app.get('/rounds/:roundId/topics/:topicId/edit', program, async (c) => {
    const t = c.get('t');
    const { topic, round } = await topicOfRound(c);
    return renderPage(c, {
      title: t('topics:form.editTitle', { title: topic.title }),
      children: (
        <TopicFormView
          round={round}
          title={t('topics:form.editTitle', { title: topic.title })}
          action={topicPath(round.id, topic.id)}
          values={formValuesOf(topic)}
          problems={[]}
          csrfToken={c.get('csrfToken')}
          isLocked={isTopicScheduleLocked(topic, ctx.now())}
        />
      ),
    });
  });

  app.post('/rounds/:roundId/topics/:topicId', program, async (c) => {
    const t = c.get('t');
    const { topic, round } = await topicOfRound(c);
    const values = await readTopicForm(c);
    try {
      const saved = await topics.edit({ viewer: c.get('viewer'), topicId: topic.id, form: values });
      setFlash(c, { kind: 'success', message: t('topics:flash.saved', { title: saved.title }) });
      return c.redirect(`${topicPath(round.id, topic.id)}/preview`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderPage(c, {
        title: t('topics:form.editTitle', { title: topic.title }),
        status: 422,
        children: (
          <TopicFormView
            round={round}
            title={t('topics:form.editTitle', { title: topic.title })}
            action={topicPath(round.id, topic.id)}
            values={values}
            problems={translateProblems(t, error.details)}
            csrfToken={c.get('csrfToken')}
            isLocked={isTopicScheduleLocked(topic, ctx.now())}
          />
        ),
      });
    }
  });

  /** A refused move or delete goes back to the calendar with the reason. */
  const backToCalendar = async (c: Context<AppEnv>, work: () => Promise<string | undefined>) => {
    const roundId = c.req.param('roundId') ?? '';
    try {
      const message = await work();
      if (message) setFlash(c, { kind: 'success', message });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
      setFlash(c, { kind: 'error', message: translateError(c.get('t'), error) });
    }
    return c.redirect(topicsPath(roundId), 303);
  };

  app.post('/rounds/:roundId/topics/:topicId/move', program, async (c) => {
    const { topic } = await topicOfRound(c);
    const body = await c.req.parseBody();
    return backToCalendar(c, async () => {
      await topics.move({
        viewer: c.get('viewer'),
        topicId: topic.id,
        direction: body.direction === 'earlier' ? 'earlier' : 'later',
      });
      return undefined;
    });
  });

  app.post('/rounds/:roundId/topics/:topicId/delete', program, async (c) => {
    const { topic } = await topicOfRound(c);
    return backToCalendar(c, async () => {
      await topics.remove({ viewer: c.get('viewer'), topicId: topic.id });
      return c.get('t')('topics:flash.deleted', { title: topic.title });
    });
  });

  app.get('/rounds/:roundId/topics/:topicId/preview', async (c) => {
    const t = c.get('t');
    const { topic, round } = await topicOfRound(c);
    const language = languageAsked(c.req.query('lang'));
    const preview = await topics.preview({ viewer: c.get('viewer'), topicId: topic.id, locale: language });
    return renderPage(c, {
      title: t('topics:preview.title', { title: topic.title }),
      children: (
        <TopicPreviewView
          round={round}
          topic={topic}
          preview={preview}
          language={language}
          canWrite={(c.get('viewer')?.isProgramCoordinator ?? false) && round.status !== 'finished'}
        />
      ),
    });
  });

  app.get('/rounds/:roundId/topics/:topicId/preview/html', async (c) => {
    const { topic } = await topicOfRound(c);
    const preview = await topics.preview({
      viewer: c.get('viewer'),
      topicId: topic.id,
      locale: languageAsked(c.req.query('lang')),
    });
    c.header('Content-Security-Policy', EMAIL_HTML_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(preview.html);
  });

  return app;
};

/** The public archive of topics, one topic's page, and each round's iCalendar feed. */
export const publicTopicPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { topics } = ctx.services;

  app.get('/topics', async (c) =>
    renderPage(c, {
      title: c.get('t')('topics:archive.title'),
      children: (
        <TopicArchivePage
          topics={await topics.archive()}
          language={languageAsked(c.req.query('lang') ?? c.req.header('accept-language'))}
        />
      ),
    }),
  );

  app.get('/topics/:topicId', async (c) => {
    const topic = await topics.findPublic(c.req.param('topicId'));
    return renderPage(c, {
      title: topic.title,
      children: (
        <PublicTopicPage
          topic={topic}
          language={languageAsked(c.req.query('lang') ?? c.req.header('accept-language'))}
        />
      ),
    });
  });

  app.get('/rounds/:roundId/calendar.ics', async (c) => {
    const feed = await topics.roundFeed(c.req.param('roundId'));
    const body = buildRoundFeed(feed, { t: c.get('t'), baseUrl: ctx.config.baseUrl, now: ctx.now() });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="round-${feed.round.id}.ics"`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(body);
  });

  return app;
};
