import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Round } from '../../../core/rounds';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';

/** The pages that are about a whole round: their titles name it. */
export type RoundPageTitle =
  | 'review:list.title'
  | 'review:counts.title'
  | 'review:admit.title'
  | 'review:import.title';

/** A page about the whole round, titled with its name. */
export const renderRoundPage = (
  c: Context<AppEnv>,
  round: Round,
  titleKey: RoundPageTitle,
  children: Child,
  status?: ContentfulStatusCode,
) => renderPage(c, { title: c.get('t')(titleKey, { round: round.name }), status, children });
