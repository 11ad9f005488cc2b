import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces): maps errors to pages / JSON without stack traces.
export const handleError =
  (ctx: AppContext): ErrorHandler<AppEnv> =>
  (error, c: Context<AppEnv>) => {
    ctx.logger.error({ err: error }, 'request failed');
    return c.text('Something went wrong', 500);
  };
export const handleNotFound: NotFoundHandler<AppEnv> = (c) => c.text('Not found', 404);
