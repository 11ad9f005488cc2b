import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { ANSWER_KEYS } from '../../views/checkins/check-in-words';
import { renderPage } from '../../views/layout';
import { CHECK_INS_PATH, MyCheckInsView } from '../../views/participant/check-ins-view';
import type { WebDeps } from '../../web-deps';

/**
 * /participant/check-ins, inside the participants' area (signed in): answer "did you connect?" for
 * this fortnight, and see every answer given. A plain form; the answer replaces an earlier one of
 * the same fortnight, as from the email's links.
 */
export const participantCheckInPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { checkIns } = ctx.services;

  app.get('/', async (c) => {
    const mine = await checkIns.mine(c.get('viewer'));
    return renderPage(c, {
      title: c.get('t')('checkins:area.title'),
      children: <MyCheckInsView checkIns={mine} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.post('/', async (c) => {
    const t = c.get('t');
    const body = await c.req.parseBody();
    const result = await checkIns.answerMine({
      viewer: c.get('viewer'),
      partnershipId: typeof body.partnershipId === 'string' ? body.partnershipId : '',
      answer: body.answer,
    });
    const answer = t(ANSWER_KEYS[result.answer]);
    setFlash(c, {
      kind: 'success',
      message:
        result.outcome === 'unchanged'
          ? t('checkins:area.unchanged', { answer })
          : t('checkins:area.saved', { answer, round: result.roundName }),
    });
    return c.redirect(CHECK_INS_PATH, 303);
  });

  return app;
};
