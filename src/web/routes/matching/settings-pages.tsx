import { type Context, Hono } from 'hono';
import { DomainError, isDomainError } from '../../../core/errors';
import { type ShownProblem, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { renderPage } from '../../views/layout';
import { matchingPath } from '../../views/matching/matching-paths';
import {
  readSettingsForm,
  type SettingsFormValues,
  toSettingsFormValues,
} from '../../views/matching/settings-fields';
import { SettingsView } from '../../views/matching/settings-view';
import type { WebDeps } from '../../web-deps';

/**
 * A round's matching settings (program coordinators): the form with every weight and rule, and
 * saving it (problems next to their fields, 422; otherwise back to the form with a flash message).
 */
export const settingsPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching, rounds } = ctx.services;

  const render = async (
    c: Context<AppEnv>,
    roundId: string,
    form: { values?: SettingsFormValues; problems?: ShownProblem[] },
  ) => {
    const values = form.values ?? toSettingsFormValues(await matching.settings(c.get('viewer'), roundId));
    const round = await rounds.find(roundId);
    if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id: roundId });
    return renderPage(c, {
      title: c.get('t')('matching:settings.title', { round: round.name }),
      status: form.problems ? 422 : 200,
      children: (
        <SettingsView
          round={round}
          values={values}
          problems={form.problems ?? []}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  };

  app.get('/:roundId/matching/settings', (c) => render(c, c.req.param('roundId'), {}));

  app.post('/:roundId/matching/settings', async (c) => {
    const roundId = c.req.param('roundId');
    const { values, settings } = readSettingsForm(await c.req.parseBody());
    try {
      await matching.updateSettings({ viewer: c.get('viewer'), roundId, settings });
      setFlash(c, { kind: 'success', message: c.get('t')('matching:done.settingsSaved') });
      return c.redirect(`${matchingPath(roundId)}/settings`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return render(c, roundId, {
        values,
        problems: translateProblems(c.get('t'), error.details),
      });
    }
  });

  return app;
};
