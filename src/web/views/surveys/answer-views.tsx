import { type LocalizedText, pickText, SURVEY_LOCALES, type Survey } from '../../../core/surveys/survey';
import { answerFieldOf } from '../../../core/surveys/survey-answers';
import { type Question, scaleValuesOf } from '../../../core/surveys/survey-definition';
import type { ShownProblem } from '../../../i18n/problems';
import { CsrfField, ErrorSummary, fieldId, LocalTime, Notice } from '../components';
import { useShell } from '../shell-context';

/**
 * What a participant sees from the survey link: the form (plain HTML, no script; every question a
 * fieldset of native controls), and the pages for a link that no longer opens it. Kept small for
 * slow connections: no images, no extra scripts or styles beyond the site's own.
 */
export type AnswerValues = Record<string, string | string[]>;

/** A language named in itself ("Español"), as the layout's language chooser does. */
const endonym = (code: string): string =>
  new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;

/** The survey's languages: English, and each language any of its texts is translated into. */
export const surveyLanguages = (survey: Survey): (typeof SURVEY_LOCALES)[number][] => {
  const texts: LocalizedText[] = [survey.title];
  for (const question of survey.definition.questions) {
    texts.push(question.prompt);
    if (question.type === 'scale') texts.push(question.minLabel, question.maxLabel);
    if (question.type === 'single' || question.type === 'multiple')
      texts.push(...question.options.map((o) => o.label));
  }
  return SURVEY_LOCALES.filter((language) => language === 'en' || texts.some((text) => !!text[language]));
};

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Text a coordinator wrote, marked with its language: the interface around it may be in another
 * (a survey translated into French on a site that speaks only English), and screen readers should
 * pronounce each in its own.
 */
const Written = ({ text, lang }: { text: string; lang: string }) => <span lang={lang}>{text}</span>;

/** The label, hint and error every question shares; `children` are its controls. */
const QuestionFrame = ({
  question,
  number,
  hint,
  error,
  contentLocale,
  isGroup,
  children,
}: {
  question: Question;
  number: number;
  hint?: string | undefined;
  error: string | undefined;
  contentLocale: string;
  isGroup: boolean;
  children: unknown;
}) => {
  const { t } = useShell();
  const id = fieldId(answerFieldOf(question.id));
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {number}. <Written text={pickText(question.prompt, contentLocale)} lang={contentLocale} />
      {!question.required && <span class="field__optional"> {t('form.optional')}</span>}
    </>
  );
  const notes = (
    <>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
  return (
    <div class={error ? 'field field--error' : 'field'}>
      {isGroup ? (
        <fieldset
          class={question.type === 'scale' || question.type === 'nps' ? 'scale' : 'choices'}
          aria-describedby={describedBy}
        >
          <legend class="field__label">{label}</legend>
          {notes}
          {children}
        </fieldset>
      ) : (
        <>
          <label class="field__label" for={id}>
            {label}
          </label>
          {notes}
          {children}
        </>
      )}
    </div>
  );
};

const QuestionField = ({
  question,
  number,
  values,
  problems,
  contentLocale,
}: {
  question: Question;
  number: number;
  values: AnswerValues;
  problems: ShownProblem[];
  contentLocale: string;
}) => {
  const { t } = useShell();
  const name = answerFieldOf(question.id);
  const id = fieldId(name);
  const error = problems.find((problem) => problem.field === name)?.message;
  const value = values[name];
  const frame = { question, number, error, contentLocale };
  const controlId = (index: number) => (index === 0 ? id : `${id}-${index}`);
  switch (question.type) {
    case 'scale':
    case 'nps': {
      const [low, high] =
        question.type === 'nps'
          ? [t('surveys:form.npsLow'), t('surveys:form.npsHigh')]
          : [pickText(question.minLabel, contentLocale), pickText(question.maxLabel, contentLocale)];
      const scale = scaleValuesOf(question);
      return (
        <QuestionFrame
          {...frame}
          isGroup
          hint={t('surveys:form.scaleHint', { min: scale[0], low, max: scale.at(-1), high })}
        >
          <div class="scale__options">
            {scale.map((option, index) => (
              <label class="scale__option" for={controlId(index)}>
                <input
                  type="radio"
                  id={controlId(index)}
                  name={name}
                  value={String(option)}
                  checked={value === String(option)}
                />
                <span>{option}</span>
              </label>
            ))}
          </div>
        </QuestionFrame>
      );
    }
    case 'single':
    case 'multiple': {
      const chosen = asList(value);
      return (
        <QuestionFrame
          {...frame}
          isGroup
          hint={question.type === 'multiple' ? t('surveys:form.multipleHint') : undefined}
        >
          {question.options.map((option, index) => (
            <div class="choice">
              <input
                id={controlId(index)}
                type={question.type === 'single' ? 'radio' : 'checkbox'}
                name={name}
                value={option.id}
                checked={chosen.includes(option.id)}
              />
              <label for={controlId(index)}>
                <Written text={pickText(option.label, contentLocale)} lang={contentLocale} />
              </label>
            </div>
          ))}
        </QuestionFrame>
      );
    }
    case 'text':
      return (
        <QuestionFrame {...frame} isGroup={false}>
          <textarea
            class="field__input"
            id={id}
            name={name}
            rows={4}
            maxlength={question.maxLength}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? 'true' : undefined}
          >
            {typeof value === 'string' ? value : ''}
          </textarea>
        </QuestionFrame>
      );
  }
};

export interface AnswerFormProps {
  survey: Survey;
  roundName: string;
  programTimeZone: string;
  contentLocale: string;
  /** Absent in a coordinator's preview: the form is shown but sends nothing. */
  token?: string;
  csrfToken?: string;
  values?: AnswerValues;
  problems?: ShownProblem[];
  /** Where the language links point (the link itself, or the preview). */
  basePath: string;
}

export const AnswerForm = ({
  survey,
  roundName,
  programTimeZone,
  contentLocale,
  token,
  csrfToken,
  values = {},
  problems = [],
  basePath,
}: AnswerFormProps) => {
  const { t } = useShell();
  const languages = surveyLanguages(survey);
  return (
    <article class="survey">
      <p class="survey__round">{roundName}</p>
      <h1 lang={contentLocale}>{pickText(survey.title, contentLocale)}</h1>
      {languages.length > 1 && (
        <nav class="survey__languages" aria-label={t('surveys:form.languages')}>
          <ul>
            {languages.map((language) => (
              <li>
                <a
                  href={`${basePath}?lang=${language}`}
                  lang={language}
                  hreflang={language}
                  aria-current={language === contentLocale ? 'true' : undefined}
                >
                  {endonym(language)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="lead">{t('surveys:form.intro')}</p>
      <p>{t('surveys:form.privacy')}</p>
      <p>
        {t('surveys:form.closesLabel')}{' '}
        <LocalTime at={survey.closesAt.toISOString()} timeZone={programTimeZone} />
      </p>
      {!token && <Notice kind="info">{<p>{t('surveys:form.preview')}</p>}</Notice>}
      <form method="post" action={token ? '/survey/answer' : undefined} novalidate>
        {csrfToken && <CsrfField token={csrfToken} />}
        {token && <input type="hidden" name="token" value={token} />}
        <input type="hidden" name="lang" value={contentLocale} />
        <ErrorSummary errors={problems} />
        {survey.definition.questions.map((question, index) => (
          <QuestionField
            question={question}
            number={index + 1}
            values={values}
            problems={problems}
            contentLocale={contentLocale}
          />
        ))}
        <p>
          <button type="submit" class="button" disabled={!token}>
            {t('surveys:form.submit')}
          </button>
        </p>
      </form>
    </article>
  );
};

/** Why a link does not open the form, or that it has done its work. */
export type LinkOutcome = 'invalid' | 'closed' | 'answered' | 'thanks' | 'malformed';

const OUTCOME_KEYS: Record<LinkOutcome, { title: string; body: string }> = {
  invalid: { title: 'surveys:link.invalid.title', body: 'surveys:link.invalid.body' },
  closed: { title: 'surveys:link.closed.title', body: 'surveys:link.closed.body' },
  answered: { title: 'surveys:link.answered.title', body: 'surveys:link.answered.body' },
  thanks: { title: 'surveys:link.thanks.title', body: 'surveys:link.thanks.body' },
  malformed: { title: 'surveys:link.malformed.title', body: 'surveys:link.malformed.body' },
};

export const linkOutcomeTitle = (t: ReturnType<typeof useShell>['t'], outcome: LinkOutcome): string =>
  t(OUTCOME_KEYS[outcome].title);

export const LinkOutcomePage = ({
  outcome,
  message,
}: {
  outcome: LinkOutcome;
  message?: string | undefined;
}) => {
  const { t } = useShell();
  return (
    <article class="survey">
      <h1>{t(OUTCOME_KEYS[outcome].title)}</h1>
      {message && <p class="lead">{message}</p>}
      <p>{t(OUTCOME_KEYS[outcome].body)}</p>
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </article>
  );
};
