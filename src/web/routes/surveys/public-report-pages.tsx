import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { PublicReportPage, PublicReportsListPage } from '../../views/surveys/results-views';
import type { WebDeps } from '../../web-deps';

/** /reports: the survey reports program coordinators published (aggregated, small groups hidden). */
export const publicReportPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { surveys } = ctx.services;
  app.get('/', async (c) => {
    return renderPage(c, {
      title: c.get('t')('surveys:public.title'),
      children: <PublicReportsListPage reports={await surveys.publishedReports()} />,
    });
  });
  app.get('/:roundId', async (c) => {
    const published = await surveys.publishedReport(c.req.param('roundId'));
    return renderPage(c, {
      title: c.get('t')('surveys:report.title', { round: published.report.roundName }),
      children: <PublicReportPage published={published} />,
    });
  });
  return app;
};
