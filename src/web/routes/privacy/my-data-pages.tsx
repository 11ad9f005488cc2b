import { type Context, Hono } from 'hono';
import { PARTICIPANT_AREA_PATH } from '../../../core/people/participant-area';
import type { PersonalDataExport } from '../../../services/privacy/export-personal-data';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { DataErasedView, EraseConfirmView, MyDataView } from '../../views/privacy/my-data-views';
import type { WebDeps } from '../../web-deps';

export const MY_DATA_PATH = `${PARTICIPANT_AREA_PATH}/my-data`;
export const DATA_ERASED_PATH = '/data-erased';

/** The download: a JSON attachment no cache keeps. */
export const sendPersonalData = (c: Context<AppEnv>, data: PersonalDataExport) => {
  c.header('Cache-Control', 'private, no-store');
  c.header('Content-Disposition', 'attachment; filename="iln-my-data.json"');
  return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
};

/**
 * "Your data" in the participants' area (mounted at MY_DATA_PATH inside it, so only the signed-in
 * reach it): the page, the download, the confirmation and the erasure.
 */
export const myDataPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { privacy } = ctx.services;

  app.get('/', (c) =>
    renderPage(c, {
      title: c.get('t')('privacy:myData.title'),
      children: <MyDataView downloadHref={`${MY_DATA_PATH}/download`} eraseHref={`${MY_DATA_PATH}/erase`} />,
    }),
  );

  app.get('/download', async (c) =>
    sendPersonalData(c, await privacy.exportData({ viewer: c.get('viewer') })),
  );

  app.get('/erase', (c) =>
    renderPage(c, {
      title: c.get('t')('privacy:erase.title'),
      children: (
        <EraseConfirmView
          action={`${MY_DATA_PATH}/erase`}
          cancelHref={MY_DATA_PATH}
          csrfToken={c.get('csrfToken')}
        />
      ),
    }),
  );

  app.post('/erase', async (c) => {
    await privacy.eraseData({ viewer: c.get('viewer') });
    return c.redirect(DATA_ERASED_PATH, 303);
  });

  return app;
};

/** The page after an erasure, for anyone (the person is no longer signed in, nor holds a link). */
export const dataErasedPages = () => {
  const app = new Hono<AppEnv>();
  app.get(DATA_ERASED_PATH, (c) =>
    renderPage(c, { title: c.get('t')('privacy:erased.title'), children: <DataErasedView /> }),
  );
  return app;
};
