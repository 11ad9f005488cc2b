import { type Context, Hono } from 'hono';
import { DomainError, isDomainError } from '../../../core/errors';
import {
  computeDefaultRoundDates,
  findTransitionRefusal,
  ROUND_STATUSES,
  ROUND_TRANSITIONS,
  type RoundStatus,
  type TransitionRefusal,
} from '../../../core/rounds';
import { describeRefusal, translateError, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { type RoundFormValues, RoundFormView, toRoundFormValues } from '../../views/rounds/round-form-view';
import { RoundsListView } from '../../views/rounds/round-list-view';
import { RoundPageView } from '../../views/rounds/round-page-view';
import type { WebDeps } from '../../web-deps';

/**
 * /coordinator/rounds: the rounds list (every coordinator: it leads to each round's applications)
 * and, for program coordinators only, creating, editing and moving rounds through their stages.
 * Guards are per route, because the applications pages share this prefix.
 */
const formValues = async (c: Context<AppEnv>): Promise<RoundFormValues> => {
  const body = await c.req.parseBody();
  const values: RoundFormValues = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
};

/** A refusal in the request's language, or nothing when the move is allowed. */
const describeRefusalOf = (c: Context<AppEnv>, refusal: TransitionRefusal | undefined) =>
  refusal && describeRefusal(c.get('t'), c.get('locale'), refusal);

const truncate = (text: string, max = 450) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const coordinatorRounds = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { rounds } = ctx.services;
  const getRound = async (id: string) => {
    const round = await rounds.find(id);
    if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id });
    return round;
  };
  const program = requireProgramCoordinator();

  app.get('/', requireCoordinator(), async (c) => {
    const allRounds = await rounds.list();
    return renderPage(c, {
      title: c.get('t')('review:rounds.title'),
      children: (
        <RoundsListView rounds={allRounds} canManage={c.get('viewer')?.isProgramCoordinator ?? false} />
      ),
    });
  });

  app.get('/new', program, (c) => {
    const t = c.get('t');
    const today = ctx.now().toISOString().slice(0, 10);
    const startsOn = computeDefaultRoundDates(today);
    return renderPage(c, {
      title: t('review:rounds.createTitle'),
      children: (
        <RoundFormView
          title={t('review:rounds.createTitle')}
          action="/coordinator/rounds"
          values={{
            programTimeZone: 'UTC',
            applicationsOpenTime: '00:00',
            applicationsCloseTime: '23:59',
            quotaEnabled: 'on',
            quotaCapPercent: '20',
            quotaMinimumPlaces: '5',
            startsOn: startsOn.endsOn,
          }}
          problems={[]}
          csrfToken={c.get('csrfToken')}
          submitLabel={t('review:rounds.create')}
        />
      ),
    });
  });

  app.post('/', program, async (c) => {
    const t = c.get('t');
    const values = await formValues(c);
    try {
      const round = await rounds.create({ viewer: c.get('viewer'), form: values });
      setFlash(c, { kind: 'success', message: t('review:rounds.created', { name: round.name }) });
      return c.redirect(`/coordinator/rounds/${round.id}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderPage(c, {
        title: t('review:rounds.createTitle'),
        status: 422,
        children: (
          <RoundFormView
            title={t('review:rounds.createTitle')}
            action="/coordinator/rounds"
            values={values}
            problems={translateProblems(c.get('t'), error.details)}
            csrfToken={c.get('csrfToken')}
            submitLabel={t('review:rounds.create')}
          />
        ),
      });
    }
  });

  app.get('/:roundId{[^/]+}', program, async (c) => {
    const round = await getRound(c.req.param('roundId'));
    const now = ctx.now();
    const stages = ROUND_TRANSITIONS[round.status].map((to) => ({
      to,
      refusal: describeRefusalOf(c, findTransitionRefusal(round, to, now)),
    }));
    return renderPage(c, {
      title: round.name,
      children: <RoundPageView round={round} stages={stages} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.get('/:roundId/edit', program, async (c) => {
    const t = c.get('t');
    const round = await getRound(c.req.param('roundId'));
    return renderPage(c, {
      title: t('review:rounds.editTitle', { name: round.name }),
      children: (
        <RoundFormView
          title={t('review:rounds.editTitle', { name: round.name })}
          action={`/coordinator/rounds/${round.id}`}
          values={toRoundFormValues(round)}
          problems={[]}
          csrfToken={c.get('csrfToken')}
          submitLabel={t('review:rounds.save')}
        />
      ),
    });
  });

  app.post('/:roundId/status', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const to = String(body.to ?? '') as RoundStatus;
    const round = await getRound(roundId);
    const statusLabel = (ROUND_STATUSES as readonly string[]).includes(to)
      ? t(`review:roundStatus.${to}`)
      : to;
    try {
      if (!(ROUND_STATUSES as readonly string[]).includes(to)) {
        throw new DomainError('CONFLICT', 'round.unknownStage', { stage: to });
      }
      const result = await rounds.changeStatus({ viewer: c.get('viewer'), roundId, to });
      const carried = result.carryOver?.carriedOver.length ?? 0;
      setFlash(c, {
        kind: 'success',
        message: truncate(
          [
            t('review:rounds.moved', { name: round.name, status: statusLabel }),
            carried > 0 ? t('review:rounds.carriedOver', { count: carried }) : '',
            result.quota && result.quota.capPerCountry !== null
              ? t('review:rounds.quotaSettled', {
                  count: result.quota.waitlisted.length,
                  cap: result.quota.capPerCountry,
                })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
      const refusal = findTransitionRefusal(round, to, ctx.now());
      const reason = refusal ? describeRefusal(t, c.get('locale'), refusal) : translateError(t, error);
      setFlash(c, {
        kind: 'error',
        message: truncate(t('review:rounds.refused', { name: round.name, status: statusLabel, reason })),
      });
    }
    return c.redirect(`/coordinator/rounds/${roundId}`, 303);
  });

  app.post('/:roundId{[^/]+}', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const values = await formValues(c);
    try {
      const round = await rounds.update({ viewer: c.get('viewer'), roundId, form: values });
      setFlash(c, { kind: 'success', message: t('review:rounds.updated', { name: round.name }) });
      return c.redirect(`/coordinator/rounds/${round.id}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const round = await getRound(roundId);
      return renderPage(c, {
        title: t('review:rounds.editTitle', { name: round.name }),
        status: 422,
        children: (
          <RoundFormView
            title={t('review:rounds.editTitle', { name: round.name })}
            action={`/coordinator/rounds/${round.id}`}
            values={values}
            problems={translateProblems(c.get('t'), error.details)}
            csrfToken={c.get('csrfToken')}
            submitLabel={t('review:rounds.save')}
          />
        ),
      });
    }
  });

  return app;
};
