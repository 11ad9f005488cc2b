import { getCountryName } from '../../../core/countries';
import type { FitWeights } from '../../../core/scoring/match-settings';
import { labelFor } from '../../../i18n/labels';
import type { MatchComment } from '../../../services/ports/matching';
import { CsrfField, TextAreaField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import type { PartnershipCardModel } from './board-model';
import { FitPartsView, PairExplanationView } from './explanation-view';
import { matchingPath, partnershipAnchor, partnershipPath } from './matching-paths';
import { describeAttention, formatNumber, namesOf, type People } from './matching-words';

/**
 * One proposed partnership: who, the fit, why (the explanation of every two partners), what
 * coordinators said about it, and what may be done: keep together or unlock and break up (program
 * coordinators while the round is being matched), comment (every coordinator who sees it).
 */
export interface CardContext {
  roundId: string;
  runId: string;
  people: People;
  weights: FitWeights;
  programTimeZone: string;
  canEdit: boolean;
  csrfToken: string;
  /** Where an action on this card comes back to. */
  back: string;
  /** Problems with a comment just posted (on the partnership's own page). */
  commentError?: string | undefined;
  commentValue?: string | undefined;
}

const Heading = ({ level, id, children }: { level: 1 | 2 | 3 | 4; id?: string; children: unknown }) => {
  if (level === 1) return <h1 id={id}>{children}</h1>;
  if (level === 2) return <h2 id={id}>{children}</h2>;
  if (level === 3) return <h3 id={id}>{children}</h3>;
  return <h4 id={id}>{children}</h4>;
};

const IdFields = ({ ids }: { ids: readonly string[] }) => (
  <>
    {ids.map((id) => (
      <input type="hidden" name="applicationIds" value={id} />
    ))}
  </>
);

const Members = ({ ids, people }: { ids: readonly string[]; people: People }) => {
  const { t, locale } = useShell();
  return (
    <ul class="partnership__people">
      {ids.map((id) => {
        const person = people.get(id);
        return (
          <li>
            {person
              ? t('matching:person.line', {
                  name: person.name,
                  role: person.role,
                  sector: labelFor(t, 'sector', person.sector),
                  stage: labelFor(t, 'careerStage', person.careerStage),
                  country: getCountryName(person.countryCode, locale),
                  timeZone: person.timeZone.replaceAll('_', ' '),
                })
              : id}
          </li>
        );
      })}
    </ul>
  );
};

const Comments = ({ comments, timeZone }: { comments: MatchComment[]; timeZone: string }) => {
  const { t } = useShell();
  const times = useTimes(timeZone);
  if (comments.length === 0) return null;
  return (
    <ul class="notes">
      {comments.map((comment) => (
        <li>
          <p>{comment.body}</p>
          <p class="field__hint">
            {t('matching:comments.by', {
              name: comment.authorName ?? t('matching:comments.someone'),
              at: times.format(comment.createdAt),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
};

const Actions = ({
  card,
  context,
  names,
}: {
  card: PartnershipCardModel;
  context: CardContext;
  names: string;
}) => {
  const { t } = useShell();
  const base = matchingPath(context.roundId);
  const ids = card.partnership.applicationIds;
  const forNames = <span class="visually-hidden"> {t('matching:actions.forNames', { names })}</span>;
  return (
    <div class="partnership__actions">
      {context.canEdit && (
        <>
          {card.lockId ? (
            <form method="post" action={`${base}/locks/${encodeURIComponent(card.lockId)}/delete`}>
              <CsrfField token={context.csrfToken} />
              <input type="hidden" name="back" value={context.back} />
              <button type="submit" class="button button--secondary">
                {t('matching:actions.unlock')}
                {forNames}
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/locks`}>
              <CsrfField token={context.csrfToken} />
              <IdFields ids={ids} />
              <input type="hidden" name="back" value={context.back} />
              <button type="submit" class="button button--secondary">
                {t('matching:actions.lock')}
                {forNames}
              </button>
            </form>
          )}
          <form method="post" action={`${base}/exclusions`}>
            <CsrfField token={context.csrfToken} />
            <IdFields ids={ids} />
            <input type="hidden" name="back" value={context.back} />
            <button type="submit" class="button button--secondary">
              {t('matching:actions.break')}
              {forNames}
            </button>
          </form>
        </>
      )}
      <details class="partnership__comment" open={context.commentError !== undefined}>
        <summary>
          {t('matching:actions.comment')}
          {forNames}
        </summary>
        <form method="post" action={`${base}/comments`}>
          <CsrfField token={context.csrfToken} />
          <IdFields ids={ids} />
          <input type="hidden" name="back" value={context.back} />
          <TextAreaField
            name="body"
            id={`comment-${partnershipAnchor(card.key)}`}
            label={t('matching:comments.label')}
            hint={t('matching:comments.hint')}
            rows={3}
            maxlength={2000}
            required
            value={context.commentValue}
            error={context.commentError}
          />
          <button type="submit" class="button">
            {t('matching:comments.submit')}
          </button>
        </form>
      </details>
    </div>
  );
};

export const PartnershipCard = ({
  card,
  context,
  level = 3,
}: {
  card: PartnershipCardModel;
  context: CardContext;
  level?: 1 | 2 | 3;
}) => {
  const words = useShell();
  const { t, locale } = words;
  const { partnership, explanation } = card;
  const names = namesOf(locale, context.people, partnership.applicationIds);
  const headingId = `${partnershipAnchor(card.key)}-heading`;
  const isTrio = partnership.applicationIds.length === 3;
  return (
    <article class="partnership" id={partnershipAnchor(card.key)} aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {level === 1 ? (
          names
        ) : (
          <a href={partnershipPath(context.roundId, card.key, context.runId)}>{names}</a>
        )}
      </Heading>
      <p class="partnership__meta">
        <span class="partnership__fit">
          {t(isTrio ? 'matching:partnership.fitTrio' : 'matching:partnership.fit', {
            fit: formatNumber(locale, partnership.fit),
          })}
        </span>
        {card.lockId && <span class="tag">{t('matching:partnership.locked')}</span>}
        {isTrio && <span class="tag">{t('matching:partnership.trio')}</span>}
      </p>
      <Members ids={partnership.applicationIds} people={context.people} />
      {card.attention.length > 0 && (
        <div class="notice notice--warning">
          <p class="notice__title">{t('matching:partnership.worthALook')}</p>
          <ul>
            {card.attention.map((reason) => (
              <li>{describeAttention(words, context.people, reason)}</li>
            ))}
          </ul>
        </div>
      )}
      {explanation?.pairs.map((pair) => (
        <div class="partnership__pair">
          {isTrio && (
            <Heading level={(level + 1) as 2 | 3 | 4}>
              {t('matching:partnership.pairHeading', {
                names: namesOf(locale, context.people, pair.applicationIds),
                fit: formatNumber(locale, pair.fit),
              })}
            </Heading>
          )}
          <PairExplanationView
            pair={pair}
            people={context.people}
            programTimeZone={context.programTimeZone}
          />
          <FitPartsView pair={pair} weights={context.weights} />
        </div>
      ))}
      <Comments comments={card.comments} timeZone={context.programTimeZone} />
      <Actions card={card} context={context} names={names} />
    </article>
  );
};
