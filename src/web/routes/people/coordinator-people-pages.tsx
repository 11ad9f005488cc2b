import { type Context, Hono } from 'hono';
import { type DomainError, isDomainError } from '../../../core/errors';
import { shownProblemsOf } from '../../../i18n/problems';
import type { CoordinatorSummary } from '../../../services/people/manage-coordinators';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import {
  ChangeCoordinatorPage,
  type CoordinatorFormValues,
  CoordinatorsPage,
  RemoveCoordinatorPage,
} from '../../views/people/coordinators-views';
import type { WebDeps } from '../../web-deps';

const BASE = '/coordinator/people';

const readForm = async (c: Context<AppEnv>) => {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return {
    values: { email: text('email'), name: text('name'), kind: text('kind'), countries: text('countries') },
    confirmSelf: body.confirmSelf === 'yes',
  };
};

const valuesOf = (coordinator: CoordinatorSummary): CoordinatorFormValues => ({
  name: coordinator.name,
  kind: coordinator.isProgramCoordinator ? 'program' : 'country',
  countries: coordinator.countryCodes.join(', '),
});

/** A refusal the form shows next to its fields (a CONFLICT about confirming lands on the box). */
const isShownOnForm = (error: unknown): error is DomainError =>
  isDomainError(error) && (error.code === 'VALIDATION' || error.code === 'CONFLICT');

const statusOf = (error: DomainError) => (error.code === 'VALIDATION' ? 422 : 409);

/**
 * Program coordinators add, change and remove coordinators (mounted at /coordinator/people). The
 * rules, including "not the last program coordinator" and "confirm removing yourself", are the
 * use cases' (services/people/manage-coordinators.ts); every change is audited there.
 */
export const coordinatorPeoplePages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { people } = ctx.services;
  app.use('*', requireProgramCoordinator());

  const renderList = async (
    c: Context<AppEnv>,
    values: CoordinatorFormValues = { kind: 'country' },
    error?: DomainError,
  ) =>
    renderPage(c, {
      title: c.get('t')('people:list.title'),
      status: error ? statusOf(error) : 200,
      children: (
        <CoordinatorsPage
          coordinators={await people.listCoordinators(c.get('viewer'))}
          viewerId={c.get('viewer')?.personId ?? ''}
          csrfToken={c.get('csrfToken')}
          values={values}
          problems={error ? shownProblemsOf(c.get('t'), error, 'email') : []}
        />
      ),
    });

  app.get('/', (c) => renderList(c));

  app.post('/', async (c) => {
    const { values } = await readForm(c);
    try {
      const added = await people.addCoordinator({ viewer: c.get('viewer'), ...values });
      setFlash(c, { kind: 'success', message: c.get('t')('people:add.done', { name: added.name }) });
      return c.redirect(BASE, 303);
    } catch (error) {
      if (isShownOnForm(error)) return renderList(c, values, error);
      throw error;
    }
  });

  const findCoordinator = (c: Context<AppEnv>) =>
    people.findCoordinator({ viewer: c.get('viewer'), personId: c.req.param('personId') ?? '' });

  app.get('/:personId', async (c) => {
    const coordinator = await findCoordinator(c);
    return renderPage(c, {
      title: c.get('t')('people:change.title', { name: coordinator.name }),
      children: (
        <ChangeCoordinatorPage
          coordinator={coordinator}
          isSelf={coordinator.personId === c.get('viewer')?.personId}
          csrfToken={c.get('csrfToken')}
          values={valuesOf(coordinator)}
        />
      ),
    });
  });

  app.post('/:personId', async (c) => {
    const coordinator = await findCoordinator(c);
    const { values, confirmSelf } = await readForm(c);
    try {
      const changed = await people.changeCoordinator({
        viewer: c.get('viewer'),
        personId: coordinator.personId,
        name: values.name,
        kind: values.kind,
        countries: values.countries,
        confirmSelf,
      });
      setFlash(c, { kind: 'success', message: c.get('t')('people:change.done', { name: changed.name }) });
      return c.redirect(BASE, 303);
    } catch (error) {
      if (!isShownOnForm(error)) throw error;
      return renderPage(c, {
        title: c.get('t')('people:change.title', { name: coordinator.name }),
        status: statusOf(error),
        children: (
          <ChangeCoordinatorPage
            coordinator={coordinator}
            isSelf={coordinator.personId === c.get('viewer')?.personId}
            csrfToken={c.get('csrfToken')}
            values={values}
            problems={shownProblemsOf(
              c.get('t'),
              error,
              error.reason === 'coordinator.confirmSelf' ? 'confirmSelf' : 'kind',
            )}
          />
        ),
      });
    }
  });

  app.get('/:personId/remove', async (c) => {
    const coordinator = await findCoordinator(c);
    return renderPage(c, {
      title: c.get('t')('people:remove.title', { name: coordinator.name }),
      children: (
        <RemoveCoordinatorPage
          coordinator={coordinator}
          isSelf={coordinator.personId === c.get('viewer')?.personId}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/:personId/remove', async (c) => {
    const coordinator = await findCoordinator(c);
    const { confirmSelf } = await readForm(c);
    try {
      await people.removeCoordinator({
        viewer: c.get('viewer'),
        personId: coordinator.personId,
        confirmSelf,
      });
    } catch (error) {
      if (!isShownOnForm(error)) throw error;
      return renderPage(c, {
        title: c.get('t')('people:remove.title', { name: coordinator.name }),
        status: statusOf(error),
        children: (
          <RemoveCoordinatorPage
            coordinator={coordinator}
            isSelf={coordinator.personId === c.get('viewer')?.personId}
            csrfToken={c.get('csrfToken')}
            problems={shownProblemsOf(c.get('t'), error, 'confirmSelf')}
          />
        ),
      });
    }
    setFlash(c, { kind: 'success', message: c.get('t')('people:remove.done', { name: coordinator.name }) });
    // Removing oneself ends access to these pages at once.
    return c.redirect(coordinator.personId === c.get('viewer')?.personId ? '/' : BASE, 303);
  });

  return app;
};
