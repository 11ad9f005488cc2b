import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { renderPage } from '../layout';
import { Forbidden } from './auth-views';

/** 403 for a signed-in person who lacks the role a page needs. */
export const renderForbiddenPage = (c: Context<AppEnv>, email: string) =>
  renderPage(c, {
    title: c.get('t')('auth:forbidden.title'),
    status: 403,
    children: <Forbidden email={email} />,
  });
