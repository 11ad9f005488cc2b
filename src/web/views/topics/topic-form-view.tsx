import type { Round } from '../../../core/rounds';
import { TOPIC_TRANSLATION_LOCALES } from '../../../core/topics';
import type { ShownProblem } from '../../../i18n/problems';
import { BackLink, CsrfField, ErrorSummary, Notice, TextAreaField, TextField } from '../components';
import { formatCalendarDate, formatTimeZone } from '../format';
import { useShell } from '../shell-context';
import { topicsPath } from './topic-calendar-view';

/** What the topic form shows: the fields as last submitted (or as stored), by field name. */
export type TopicFormValues = Record<string, string | undefined>;

const MAX_TITLE = 200;
const MAX_BODY = 20_000;

/**
 * Writing or editing a topic: the English title and Markdown body, the day and time it goes out
 * (in the round's zone), optional translations, and two ways to save: scheduled, or as a draft
 * that is never sent. `isLocked`: its moment has passed, so only the words may change.
 */
export const TopicFormView = ({
  round,
  title,
  action,
  values,
  problems,
  csrfToken,
  isLocked = false,
}: {
  round: Round;
  title: string;
  action: string;
  values: TopicFormValues;
  problems: ShownProblem[];
  csrfToken: string;
  isLocked?: boolean;
}) => {
  const { t, locale } = useShell();
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return (
    <section>
      <BackLink href={topicsPath(round.id)} label={t('topics:form.back', { round: round.name })} />
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems} />
        <TextField
          name="title"
          label={t('topics:form.title')}
          value={values.title}
          error={error('title')}
          required
          maxlength={MAX_TITLE}
        />
        <TextAreaField
          name="body"
          label={t('topics:form.body')}
          hint={t('topics:form.bodyHint')}
          value={values.body}
          error={error('body')}
          required
          rows={14}
          maxlength={MAX_BODY}
        />
        {isLocked ? (
          <>
            <Notice kind="info">
              <p>{t('topics:form.locked')}</p>
            </Notice>
            <input type="hidden" name="publishOn" value={values.publishOn} />
            <input type="hidden" name="publishTime" value={values.publishTime} />
          </>
        ) : (
          <fieldset class="field-group">
            <legend>{t('topics:form.when', { zone: formatTimeZone(round.programTimeZone) })}</legend>
            <TextField
              name="publishOn"
              type="date"
              label={t('topics:form.publishOn')}
              hint={t('topics:form.publishOnHint', {
                start: formatCalendarDate(round.startsOn, locale),
                end: formatCalendarDate(round.endsOn, locale),
              })}
              value={values.publishOn}
              error={error('publishOn')}
              required
            />
            <TextField
              name="publishTime"
              type="time"
              label={t('topics:form.publishTime')}
              hint={t('topics:form.publishTimeHint')}
              value={values.publishTime}
              error={error('publishTime')}
              required
            />
          </fieldset>
        )}
        <h2>{t('topics:form.translations')}</h2>
        <p>{t('topics:form.translationsHint')}</p>
        {TOPIC_TRANSLATION_LOCALES.map((language) => (
          <fieldset class="field-group" lang={language}>
            <legend lang={locale}>{t(`topics:language.${language}`)}</legend>
            <TextField
              name={`title_${language}`}
              label={t('topics:form.translatedTitle', { language: t(`topics:language.${language}`) })}
              value={values[`title_${language}`]}
              error={error(`title_${language}`)}
              maxlength={MAX_TITLE}
            />
            <TextAreaField
              name={`body_${language}`}
              label={t('topics:form.translatedBody', { language: t(`topics:language.${language}`) })}
              value={values[`body_${language}`]}
              error={error(`body_${language}`)}
              rows={8}
              maxlength={MAX_BODY}
            />
          </fieldset>
        ))}
        {error('status') && <p class="field__error">{error('status')}</p>}
        <p class="actions">
          {isLocked ? (
            <button type="submit" class="button" name="status" value="scheduled">
              {t('topics:form.saveWords')}
            </button>
          ) : (
            <>
              <button type="submit" class="button" name="status" value="scheduled">
                {t('topics:form.schedule')}
              </button>{' '}
              <button type="submit" class="button button--secondary" name="status" value="draft">
                {t('topics:form.saveDraft')}
              </button>
            </>
          )}{' '}
          <a href={topicsPath(round.id)}>{t('topics:form.cancel')}</a>
        </p>
      </form>
    </section>
  );
};
