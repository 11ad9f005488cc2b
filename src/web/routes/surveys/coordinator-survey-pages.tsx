import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import { DomainError, isDomainError } from '../../../core/errors';
import {
  pickText,
  QUESTION_TYPES,
  type QuestionFormValues,
  questionToFormValues,
  type Survey,
  surveyPhaseAt,
} from '../../../core/surveys';
import { type ShownProblem, translateError, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { AnswerForm } from '../../views/surveys/answer-views';
import {
  BuilderView,
  NewSurveyView,
  QuestionFormView,
  SurveysListView,
} from '../../views/surveys/builder-views';
import { surveyResultsCsv } from '../../views/surveys/results-csv';
import { CoordinatorReportPage, SurveyResultsPage } from '../../views/surveys/results-views';
import type { WebDeps } from '../../web-deps';
import { surveyContentLocale } from './survey-link-pages';

/**
 * /coordinator/surveys: every coordinator sees the surveys, their results and the round reports;
 * program coordinators build, schedule and publish (guards per route). Handlers read the form, make
 * one service call, and show the page again with the problems beside the fields, or redirect.
 */
type FormBody = Record<string, string | undefined>;

const readForm = async (c: Context<AppEnv>): Promise<FormBody> => {
  const body = await c.req.parseBody();
  const values: FormBody = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
};

/** A date and time in the program's zone as the settings form shows them. */
const localParts = (at: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

const settingsValuesOf = (survey: Survey, timeZone: string): FormBody => {
  const send = localParts(survey.sendAt, timeZone);
  const remind = localParts(survey.remindAt, timeZone);
  const closes = localParts(survey.closesAt, timeZone);
  return {
    kind: survey.kind,
    titleEn: survey.title.en,
    titleEs: survey.title.es ?? '',
    titleFr: survey.title.fr ?? '',
    sendOn: send.date,
    sendTime: send.time,
    remindOn: remind.date,
    remindTime: remind.time,
    closesOn: closes.date,
    closesTime: closes.time,
  };
};

const isValidation = (error: unknown) => isDomainError(error) && error.code === 'VALIDATION';

export const coordinatorSurveyPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { surveys, rounds } = ctx.services;
  const program = requireProgramCoordinator();
  app.use('*', requireCoordinator());

  const flashError = (c: Context<AppEnv>, error: unknown) => {
    if (!isDomainError(error) || error.code === 'VALIDATION' || error.code === 'NOT_FOUND') throw error;
    setFlash(c, { kind: 'error', message: translateError(c.get('t'), error) });
  };

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const byRound = await surveys.listByRound(viewer);
    const rates = new Map(
      (
        await Promise.all(
          byRound
            .filter((entry) => entry.surveys.length > 0)
            .map((entry) => surveys.responseRates(viewer, entry.round.id)),
        )
      )
        .flat()
        .map((rate) => [rate.surveyId, rate]),
    );
    return renderPage(c, {
      title: c.get('t')('surveys:list.title'),
      children: (
        <SurveysListView
          rounds={byRound}
          rates={rates}
          canBuild={viewer?.isProgramCoordinator ?? false}
          now={ctx.now()}
        />
      ),
    });
  });

  const renderNew = async (
    c: Context<AppEnv>,
    roundId: string,
    values: FormBody,
    problems: ShownProblem[],
    status: 200 | 422 = 200,
  ) => {
    const round = await rounds.find(roundId);
    if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id: roundId });
    const all = await surveys.listByRound(c.get('viewer'));
    const earlier = all.flatMap((entry) =>
      entry.round.id === round.id
        ? []
        : entry.surveys.map((survey) => ({ survey, roundName: entry.round.name })),
    );
    return renderPage(c, {
      title: c.get('t')('surveys:new.title', { round: round.name }),
      status,
      children: (
        <NewSurveyView
          round={round}
          earlier={earlier}
          values={values}
          problems={problems}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  };

  app.get('/new', program, (c) =>
    renderNew(
      c,
      c.req.query('round') ?? '',
      {
        kind: 'mid-round',
        sendTime: '09:00',
        remindTime: '09:00',
        closesTime: '23:59',
      },
      [],
    ),
  );

  app.post('/', program, async (c) => {
    const form = await readForm(c);
    try {
      const survey = await surveys.create({
        viewer: c.get('viewer'),
        roundId: form.roundId ?? '',
        form,
        copyFromSurveyId: form.copyFrom || undefined,
      });
      setFlash(c, { kind: 'success', message: c.get('t')('surveys:new.created') });
      return c.redirect(`/coordinator/surveys/${survey.id}`, 303);
    } catch (error) {
      if (isValidation(error)) {
        return renderNew(
          c,
          form.roundId ?? '',
          form,
          translateProblems(c.get('t'), (error as DomainError).details),
          422,
        );
      }
      throw error;
    }
  });

  const renderBuilder = async (
    c: Context<AppEnv>,
    id: string,
    values?: FormBody,
    problems: ShownProblem[] = [],
    status: 200 | 422 = 200,
  ) => {
    const viewer = c.get('viewer');
    const { survey, round, hasBeenSent } = await surveys.get(viewer, id);
    return renderPage(c, {
      title: pickText(survey.title, c.get('locale')),
      status,
      children: (
        <BuilderView
          survey={survey}
          round={round}
          phase={surveyPhaseAt(survey, ctx.now())}
          hasBeenSent={hasBeenSent}
          canBuild={viewer?.isProgramCoordinator ?? false}
          settingsValues={values ?? settingsValuesOf(survey, round.programTimeZone)}
          problems={problems}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  };

  app.get('/:id', (c) => renderBuilder(c, c.req.param('id')));

  app.post('/:id/settings', program, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    try {
      await surveys.updateSettings({ viewer: c.get('viewer'), surveyId: id, form });
    } catch (error) {
      if (isValidation(error))
        return renderBuilder(c, id, form, translateProblems(c.get('t'), (error as DomainError).details), 422);
      flashError(c, error);
      return c.redirect(`/coordinator/surveys/${id}`, 303);
    }
    setFlash(c, { kind: 'success', message: c.get('t')('surveys:builder.saved') });
    return c.redirect(`/coordinator/surveys/${id}`, 303);
  });

  for (const action of ['schedule', 'unschedule'] as const) {
    app.post(`/:id/${action}`, program, async (c) => {
      const id = c.req.param('id');
      try {
        await surveys[action]({ viewer: c.get('viewer'), surveyId: id });
        setFlash(c, {
          kind: 'success',
          message: c.get('t')(
            action === 'schedule' ? 'surveys:builder.scheduled' : 'surveys:builder.unscheduled',
          ),
        });
      } catch (error) {
        flashError(c, error);
      }
      return c.redirect(`/coordinator/surveys/${id}`, 303);
    });
  }

  const renderQuestionForm = async (
    c: Context<AppEnv>,
    surveyId: string,
    questionId: string | undefined,
    values: QuestionFormValues,
    problems: ShownProblem[] = [],
    status: 200 | 422 = 200,
  ) => {
    const { survey } = await surveys.get(c.get('viewer'), surveyId);
    const base = `/coordinator/surveys/${survey.id}/questions`;
    return renderPage(c, {
      title: c.get('t')(questionId ? 'surveys:question.editPageTitle' : 'surveys:question.newPageTitle'),
      status,
      children: (
        <QuestionFormView
          survey={survey}
          action={questionId ? `${base}/${questionId}` : base}
          values={values}
          problems={problems}
          csrfToken={c.get('csrfToken')}
          isNew={!questionId}
        />
      ),
    });
  };

  app.get('/:id/questions/new', program, async (c) => {
    const type = c.req.query('type') ?? '';
    if (!(QUESTION_TYPES as readonly string[]).includes(type))
      return c.redirect(`/coordinator/surveys/${c.req.param('id')}`, 303);
    return renderQuestionForm(c, c.req.param('id'), undefined, { type, required: 'on' });
  });

  app.post('/:id/questions', program, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    try {
      await surveys.addQuestion({ viewer: c.get('viewer'), surveyId: id, form });
    } catch (error) {
      if (isValidation(error)) {
        return renderQuestionForm(
          c,
          id,
          undefined,
          form,
          translateProblems(c.get('t'), (error as DomainError).details),
          422,
        );
      }
      flashError(c, error);
      return c.redirect(`/coordinator/surveys/${id}`, 303);
    }
    setFlash(c, { kind: 'success', message: c.get('t')('surveys:question.added') });
    return c.redirect(`/coordinator/surveys/${id}`, 303);
  });

  app.get('/:id/questions/:questionId/edit', program, async (c) => {
    const { survey } = await surveys.get(c.get('viewer'), c.req.param('id'));
    const question = survey.definition.questions.find(
      (candidate) => candidate.id === c.req.param('questionId'),
    );
    if (!question)
      throw new DomainError('NOT_FOUND', 'survey.questionNotFound', { id: c.req.param('questionId') });
    return renderQuestionForm(c, survey.id, question.id, questionToFormValues(question));
  });

  app.post('/:id/questions/:questionId', program, async (c) => {
    const id = c.req.param('id');
    const questionId = c.req.param('questionId');
    const form = await readForm(c);
    try {
      await surveys.updateQuestion({ viewer: c.get('viewer'), surveyId: id, questionId, form });
    } catch (error) {
      if (isValidation(error)) {
        return renderQuestionForm(
          c,
          id,
          questionId,
          form,
          translateProblems(c.get('t'), (error as DomainError).details),
          422,
        );
      }
      flashError(c, error);
      return c.redirect(`/coordinator/surveys/${id}`, 303);
    }
    setFlash(c, { kind: 'success', message: c.get('t')('surveys:question.saved') });
    return c.redirect(`/coordinator/surveys/${id}`, 303);
  });

  app.post('/:id/questions/:questionId/move', program, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    try {
      await surveys.moveQuestion({
        viewer: c.get('viewer'),
        surveyId: id,
        questionId: c.req.param('questionId'),
        direction: form.direction === 'up' ? 'up' : 'down',
      });
    } catch (error) {
      flashError(c, error);
    }
    return c.redirect(`/coordinator/surveys/${id}`, 303);
  });

  app.post('/:id/questions/:questionId/delete', program, async (c) => {
    const id = c.req.param('id');
    try {
      await surveys.removeQuestion({
        viewer: c.get('viewer'),
        surveyId: id,
        questionId: c.req.param('questionId'),
      });
      setFlash(c, { kind: 'success', message: c.get('t')('surveys:question.removed') });
    } catch (error) {
      flashError(c, error);
    }
    return c.redirect(`/coordinator/surveys/${id}`, 303);
  });

  app.get('/:id/preview', async (c) => {
    const { survey, round } = await surveys.get(c.get('viewer'), c.req.param('id'));
    const contentLocale = surveyContentLocale(c, survey);
    return renderPage(c, {
      title: pickText(survey.title, contentLocale),
      children: (
        <AnswerForm
          survey={survey}
          roundName={round.name}
          programTimeZone={round.programTimeZone}
          contentLocale={contentLocale}
          basePath={`/coordinator/surveys/${survey.id}/preview`}
        />
      ),
    });
  });

  app.get('/:id/results', async (c) => {
    const viewer = c.get('viewer');
    const view = await surveys.results(viewer, c.req.param('id'));
    return renderPage(c, {
      title: c.get('t')('surveys:results.title', { title: pickText(view.survey.title, c.get('locale')) }),
      children: <SurveyResultsPage view={view} canPublish={viewer?.isProgramCoordinator ?? false} />,
    });
  });

  // UTF-8 with a byte-order mark, so spreadsheet programs read accented names right.
  app.get('/:id/results.csv', async (c) => {
    const view = await surveys.exportResults(c.get('viewer'), c.req.param('id'));
    const rows = surveyResultsCsv(c.get('t'), c.get('locale'), view);
    const name = `survey-${view.round.id}-${view.survey.kind}`.replace(/[^A-Za-z0-9_-]+/g, '-');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(`\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`);
  });

  app.get('/rounds/:roundId/report', async (c) => {
    const viewer = c.get('viewer');
    const { report, published } = await surveys.roundReport(viewer, c.req.param('roundId'));
    return renderPage(c, {
      title: c.get('t')('surveys:report.title', { round: report.roundName }),
      children: (
        <CoordinatorReportPage
          report={report}
          published={published}
          canPublish={viewer?.isProgramCoordinator ?? false}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/rounds/:roundId/report/publish', program, async (c) => {
    const roundId = c.req.param('roundId');
    try {
      await surveys.publishReport(c.get('viewer'), roundId);
      setFlash(c, { kind: 'success', message: c.get('t')('surveys:report.publishedFlash') });
    } catch (error) {
      flashError(c, error);
    }
    return c.redirect(`/coordinator/surveys/rounds/${roundId}/report`, 303);
  });

  app.post('/rounds/:roundId/report/unpublish', program, async (c) => {
    const roundId = c.req.param('roundId');
    await surveys.unpublishReport(c.get('viewer'), roundId);
    setFlash(c, { kind: 'success', message: c.get('t')('surveys:report.unpublishedFlash') });
    return c.redirect(`/coordinator/surveys/rounds/${roundId}/report`, 303);
  });

  return app;
};
