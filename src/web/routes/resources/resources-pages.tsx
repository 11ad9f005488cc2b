import { type Context, Hono } from 'hono';
import { isDomainError } from '../../../core/errors';
import { type ShownProblem, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import {
  EditResourcePage,
  ManageResourcesPage,
  type ResourceFormValues,
  ResourcesPage,
} from '../../views/resources/resources-views';
import type { WebDeps } from '../../web-deps';

const readResourceForm = async (c: Context<AppEnv>): Promise<ResourceFormValues> => {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return { title: text('title'), url: text('url'), description: text('description') };
};

/** The public resources page (the archive of topics is in routes/topics). */
export const resourcePages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { resources } = ctx.services;

  app.get('/resources', async (c) =>
    renderPage(c, {
      title: c.get('t')('applications:resources.title'),
      children: <ResourcesPage resources={await resources.list()} />,
    }),
  );

  return app;
};

/**
 * Program coordinators manage the resources list: add, edit, remove, move up or down. Mounted at
 * /coordinator/resources. The list is program-wide, so country coordinators are refused (403).
 */
export const coordinatorResourcePages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { resources } = ctx.services;
  app.use('*', requireProgramCoordinator());

  const renderList = async (
    c: Context<AppEnv>,
    values: ResourceFormValues = {},
    problems: ShownProblem[] = [],
    status: 200 | 422 = 200,
  ) =>
    renderPage(c, {
      title: c.get('t')('applications:resources.manage.title'),
      status,
      children: (
        <ManageResourcesPage
          resources={await resources.list()}
          csrfToken={c.get('csrfToken')}
          values={values}
          problems={problems}
        />
      ),
    });

  app.get('/', (c) => renderList(c));

  app.post('/', async (c) => {
    const values = await readResourceForm(c);
    try {
      await resources.add({ viewer: c.get('viewer'), form: values });
    } catch (error) {
      if (isDomainError(error) && error.code === 'VALIDATION')
        return renderList(c, values, translateProblems(c.get('t'), error.details), 422);
      throw error;
    }
    setFlash(c, { kind: 'success', message: c.get('t')('applications:resources.manage.added') });
    return c.redirect('/coordinator/resources', 303);
  });

  app.get('/:id/edit', async (c) => {
    const resource = await resources.find(c.req.param('id'));
    if (!resource) return c.notFound();
    return renderPage(c, {
      title: c.get('t')('applications:resources.manage.editTitle', { title: resource.title }),
      children: <EditResourcePage resource={resource} values={resource} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.post('/:id', async (c) => {
    const resource = await resources.find(c.req.param('id'));
    if (!resource) return c.notFound();
    const values = await readResourceForm(c);
    try {
      await resources.update({ viewer: c.get('viewer'), id: resource.id, form: values });
    } catch (error) {
      if (isDomainError(error) && error.code === 'VALIDATION') {
        const t = c.get('t');
        return renderPage(c, {
          title: t('applications:resources.manage.editTitle', { title: resource.title }),
          status: 422,
          children: (
            <EditResourcePage
              resource={resource}
              values={values}
              problems={translateProblems(t, error.details)}
              csrfToken={c.get('csrfToken')}
            />
          ),
        });
      }
      throw error;
    }
    setFlash(c, { kind: 'success', message: c.get('t')('applications:resources.manage.saved') });
    return c.redirect('/coordinator/resources', 303);
  });

  app.post('/:id/delete', async (c) => {
    await resources.remove({ viewer: c.get('viewer'), id: c.req.param('id') });
    setFlash(c, { kind: 'success', message: c.get('t')('applications:resources.manage.removed') });
    return c.redirect('/coordinator/resources', 303);
  });

  app.post('/:id/move', async (c) => {
    const body = await c.req.parseBody();
    await resources.move({
      viewer: c.get('viewer'),
      id: c.req.param('id'),
      direction: body.direction === 'up' ? 'up' : 'down',
    });
    return c.redirect('/coordinator/resources', 303);
  });

  return app;
};
