import type { Round } from '../../../core/rounds';
import {
  pickText,
  QUESTION_TYPES,
  type QuestionFormValues,
  SURVEY_KINDS,
  type Survey,
  type SurveyPhase,
} from '../../../core/surveys';
import type { ShownProblem } from '../../../i18n/problems';
import type { SurveyResponseRate } from '../../../services/surveys/response-rates';
import {
  BackLink,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../components';
import { formatInstant } from '../format';
import { useShell } from '../shell-context';
import { formatPercent, kindLabel, phaseLabel, typeLabel } from './survey-labels';

/**
 * The coordinators' survey pages: every round's surveys, a new survey, the builder (settings and
 * questions, reordered with buttons) and one question's form. All plain forms: nothing needs
 * script. Country coordinators see the lists and results; only program coordinators build.
 */
type Values = Record<string, string | undefined>;

const errorOf = (problems: ShownProblem[], field: string) =>
  problems.find((problem) => problem.field === field)?.message;

export const SurveysListView = ({
  rounds,
  rates,
  canBuild,
  now,
}: {
  rounds: { round: Round; surveys: Survey[] }[];
  rates: Map<string, SurveyResponseRate>;
  canBuild: boolean;
  now: Date;
}) => {
  const { t, locale } = useShell();
  return (
    <article>
      <h1>{t('surveys:list.title')}</h1>
      <p class="lead">{t('surveys:list.lead')}</p>
      <p>{t('surveys:list.privacy')}</p>
      {rounds.length === 0 && <p>{t('surveys:list.noRounds')}</p>}
      {rounds.map(({ round, surveys }) => (
        <section aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>{round.name}</h2>
          {surveys.length === 0 ? (
            <p>{t('surveys:list.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="table table--stack">
                <caption class="visually-hidden">{t('surveys:list.caption', { round: round.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('surveys:list.survey')}</th>
                    <th scope="col">{t('surveys:list.kind')}</th>
                    <th scope="col">{t('surveys:list.status')}</th>
                    <th scope="col">{t('surveys:list.sendAt')}</th>
                    <th scope="col" class="num">
                      {t('surveys:list.responseRate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {surveys.map((survey) => {
                    const rate = rates.get(survey.id);
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/coordinator/surveys/${survey.id}`}>{pickText(survey.title, locale)}</a>
                        </th>
                        <td data-label={t('surveys:list.kind')}>{kindLabel(t, survey.kind)}</td>
                        <td data-label={t('surveys:list.status')}>
                          {phaseLabel(t, rate?.phase ?? (survey.status === 'draft' ? 'draft' : 'scheduled'))}
                        </td>
                        <td data-label={t('surveys:list.sendAt')}>
                          {formatInstant(survey.sendAt, locale, round.programTimeZone)}
                        </td>
                        <td class="num" data-label={t('surveys:list.responseRate')}>
                          {rate && rate.invited > 0
                            ? t('surveys:list.rate', {
                                answered: rate.answered,
                                invited: rate.invited,
                                rate: formatPercent(locale, rate.rate),
                              })
                            : '–'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <p class="actions">
            {canBuild && round.status !== 'finished' && (
              <a
                class="button button--secondary"
                href={`/coordinator/surveys/new?round=${encodeURIComponent(round.id)}`}
              >
                {t('surveys:list.new')}
              </a>
            )}
            {surveys.some((survey) => survey.status === 'scheduled' && survey.sendAt <= now) && (
              <a href={`/coordinator/surveys/rounds/${encodeURIComponent(round.id)}/report`}>
                {t('surveys:list.report')}
              </a>
            )}
          </p>
        </section>
      ))}
    </article>
  );
};

const SettingsFields = ({ values, problems }: { values: Values; problems: ShownProblem[] }) => {
  const { t } = useShell();
  const error = (field: string) => errorOf(problems, field);
  return (
    <>
      <SelectField
        name="kind"
        label={t('surveys:settings.kind')}
        value={values.kind}
        error={error('kind')}
        required
        options={SURVEY_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
      />
      <TextField
        name="titleEn"
        label={t('surveys:settings.titleEn')}
        value={values.titleEn}
        error={error('titleEn')}
        required
        maxlength={200}
      />
      <fieldset class="translations">
        <legend>{t('surveys:builder.translations')}</legend>
        <p class="field__hint">{t('surveys:builder.translationsHint')}</p>
        <TextField
          name="titleEs"
          label={t('surveys:settings.titleEs')}
          value={values.titleEs}
          error={error('titleEs')}
          maxlength={200}
        />
        <TextField
          name="titleFr"
          label={t('surveys:settings.titleFr')}
          value={values.titleFr}
          error={error('titleFr')}
          maxlength={200}
        />
      </fieldset>
      <fieldset class="field-grid">
        <legend>{t('surveys:settings.moments')}</legend>
        <p class="field__hint">{t('surveys:settings.momentsHint', { zone: values.programTimeZone ?? '' })}</p>
        <TextField
          name="sendOn"
          type="date"
          label={t('surveys:settings.sendOn')}
          value={values.sendOn}
          error={error('sendOn')}
          required
        />
        <TextField
          name="sendTime"
          inputmode="numeric"
          label={t('surveys:settings.sendTime')}
          hint={t('surveys:settings.timeHint')}
          value={values.sendTime}
          error={error('sendTime')}
        />
        <TextField
          name="remindOn"
          type="date"
          label={t('surveys:settings.remindOn')}
          value={values.remindOn}
          error={error('remindOn')}
          required
        />
        <TextField
          name="remindTime"
          inputmode="numeric"
          label={t('surveys:settings.remindTime')}
          value={values.remindTime}
          error={error('remindTime')}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('surveys:settings.closesOn')}
          value={values.closesOn}
          error={error('closesOn')}
          required
        />
        <TextField
          name="closesTime"
          inputmode="numeric"
          label={t('surveys:settings.closesTime')}
          value={values.closesTime}
          error={error('closesTime')}
        />
      </fieldset>
    </>
  );
};

export const NewSurveyView = ({
  round,
  earlier,
  values,
  problems,
  csrfToken,
}: {
  round: Round;
  earlier: { survey: Survey; roundName: string }[];
  values: Values;
  problems: ShownProblem[];
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  return (
    <article>
      <BackLink href="/coordinator/surveys" label={t('surveys:builder.back')} />
      <h1>{t('surveys:new.title', { round: round.name })}</h1>
      <form method="post" action="/coordinator/surveys" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="roundId" value={round.id} />
        <ErrorSummary errors={problems} />
        <SettingsFields values={{ ...values, programTimeZone: round.programTimeZone }} problems={problems} />
        {earlier.length > 0 && (
          <SelectField
            name="copyFrom"
            label={t('surveys:new.copyFrom')}
            hint={t('surveys:new.copyFromHint')}
            value={values.copyFrom}
            placeholder={t('surveys:new.startEmpty')}
            options={earlier.map(({ survey, roundName }) => ({
              value: survey.id,
              label: `${roundName}: ${pickText(survey.title, locale)}`,
            }))}
          />
        )}
        <p>
          <button type="submit" class="button">
            {t('surveys:new.create')}
          </button>
        </p>
      </form>
    </article>
  );
};

export const BuilderView = ({
  survey,
  round,
  phase,
  hasBeenSent,
  canBuild,
  settingsValues,
  problems,
  csrfToken,
}: {
  survey: Survey;
  round: Round;
  phase: SurveyPhase;
  hasBeenSent: boolean;
  canBuild: boolean;
  settingsValues: Values;
  problems: ShownProblem[];
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const isDraft = survey.status === 'draft';
  const canEdit = canBuild && isDraft;
  const base = `/coordinator/surveys/${survey.id}`;
  const questions = survey.definition.questions;
  return (
    <article>
      <BackLink href="/coordinator/surveys" label={t('surveys:builder.back')} />
      <h1>{pickText(survey.title, locale)}</h1>
      <p>
        {round.name} · {kindLabel(t, survey.kind)} · {phaseLabel(t, phase)}
      </p>
      <p class="actions">
        <a href={`${base}/preview`}>{t('surveys:builder.preview')}</a>
        <a href={`${base}/results`}>{t('surveys:builder.results')}</a>
      </p>
      {isDraft ? (
        <Notice kind="info" title={t('surveys:builder.draftTitle')}>
          <p>{t('surveys:builder.draftBody')}</p>
          {canBuild && (
            <form method="post" action={`${base}/schedule`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="button">
                {t('surveys:builder.schedule')}
              </button>
            </form>
          )}
        </Notice>
      ) : (
        <Notice kind="success" title={t('surveys:builder.scheduledTitle')}>
          <p>
            {t('surveys:builder.scheduledBody', {
              send: formatInstant(survey.sendAt, locale, round.programTimeZone, { zoneName: true }),
            })}
          </p>
          {canBuild && !hasBeenSent && (
            <form method="post" action={`${base}/unschedule`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="button button--secondary">
                {t('surveys:builder.unschedule')}
              </button>
            </form>
          )}
        </Notice>
      )}

      <h2>{t('surveys:builder.settings')}</h2>
      {canEdit ? (
        <form method="post" action={`${base}/settings`} novalidate>
          <CsrfField token={csrfToken} />
          <ErrorSummary errors={problems} />
          <SettingsFields
            values={{ ...settingsValues, programTimeZone: round.programTimeZone }}
            problems={problems}
          />
          <p>
            <button type="submit" class="button button--secondary">
              {t('surveys:builder.saveSettings')}
            </button>
          </p>
        </form>
      ) : (
        <ul class="settings-list">
          <li>
            {t('surveys:builder.sendAt', {
              at: formatInstant(survey.sendAt, locale, round.programTimeZone, { zoneName: true }),
            })}
          </li>
          <li>
            {t('surveys:builder.remindAt', {
              at: formatInstant(survey.remindAt, locale, round.programTimeZone, { zoneName: true }),
            })}
          </li>
          <li>
            {t('surveys:builder.closesAt', {
              at: formatInstant(survey.closesAt, locale, round.programTimeZone, { zoneName: true }),
            })}
          </li>
        </ul>
      )}

      <h2>{t('surveys:builder.questions')}</h2>
      {questions.length === 0 ? (
        <p>{t('surveys:builder.noQuestions')}</p>
      ) : (
        <ol class="question-list">
          {questions.map((question, index) => (
            <li>
              <p class="question-list__prompt">{pickText(question.prompt, locale)}</p>
              <p class="field__hint">
                {typeLabel(t, question.type)} ·{' '}
                {question.required ? t('surveys:builder.required') : t('surveys:builder.optional')}
              </p>
              {canEdit && (
                <p class="actions">
                  <a href={`${base}/questions/${question.id}/edit`}>
                    {t('surveys:builder.edit')}
                    <span class="visually-hidden">
                      {' '}
                      {t('surveys:builder.questionNumber', { number: index + 1 })}
                    </span>
                  </a>
                  {index > 0 && (
                    <form method="post" action={`${base}/questions/${question.id}/move`} class="inline-form">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="direction" value="up" />
                      <button type="submit" class="link-button">
                        {t('surveys:builder.up')}
                        <span class="visually-hidden">
                          {' '}
                          {t('surveys:builder.questionNumber', { number: index + 1 })}
                        </span>
                      </button>
                    </form>
                  )}
                  {index < questions.length - 1 && (
                    <form method="post" action={`${base}/questions/${question.id}/move`} class="inline-form">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="direction" value="down" />
                      <button type="submit" class="link-button">
                        {t('surveys:builder.down')}
                        <span class="visually-hidden">
                          {' '}
                          {t('surveys:builder.questionNumber', { number: index + 1 })}
                        </span>
                      </button>
                    </form>
                  )}
                  <form method="post" action={`${base}/questions/${question.id}/delete`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <button type="submit" class="link-button">
                      {t('surveys:builder.remove')}
                      <span class="visually-hidden">
                        {' '}
                        {t('surveys:builder.questionNumber', { number: index + 1 })}
                      </span>
                    </button>
                  </form>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form method="get" action={`${base}/questions/new`} class="inline-form">
          <SelectField
            name="type"
            label={t('surveys:builder.addType')}
            options={QUESTION_TYPES.map((type) => ({ value: type, label: typeLabel(t, type) }))}
          />
          <p>
            <button type="submit" class="button button--secondary">
              {t('surveys:builder.addQuestion')}
            </button>
          </p>
        </form>
      )}
    </article>
  );
};

const TranslatedFields = ({
  prefix,
  label,
  values,
  problems,
  multiline,
  required = true,
}: {
  prefix: string;
  label: string;
  values: QuestionFormValues;
  problems: ShownProblem[];
  multiline?: boolean;
  required?: boolean;
}) => {
  const { t } = useShell();
  const Field = ({ suffix, text }: { suffix: 'En' | 'Es' | 'Fr'; text: string }) =>
    multiline ? (
      <TextAreaField
        name={`${prefix}${suffix}`}
        label={text}
        value={values[`${prefix}${suffix}`]}
        error={errorOf(problems, `${prefix}${suffix}`)}
        required={suffix === 'En' && required}
        hint={suffix === 'En' ? t('surveys:question.optionsHint') : undefined}
        rows={5}
      />
    ) : (
      <TextField
        name={`${prefix}${suffix}`}
        label={text}
        value={values[`${prefix}${suffix}`]}
        error={errorOf(problems, `${prefix}${suffix}`)}
        required={suffix === 'En' && required}
        maxlength={500}
      />
    );
  return (
    <>
      <Field suffix="En" text={t('surveys:question.inEnglish', { label })} />
      <fieldset class="translations">
        <legend>{t('surveys:builder.translations')}</legend>
        <Field suffix="Es" text={t('surveys:question.inSpanish', { label })} />
        <Field suffix="Fr" text={t('surveys:question.inFrench', { label })} />
      </fieldset>
    </>
  );
};

export const QuestionFormView = ({
  survey,
  action,
  values,
  problems,
  csrfToken,
  isNew,
}: {
  survey: Survey;
  action: string;
  values: QuestionFormValues;
  problems: ShownProblem[];
  csrfToken: string;
  isNew: boolean;
}) => {
  const { t, locale } = useShell();
  const type = values.type as (typeof QUESTION_TYPES)[number];
  const error = (field: string) => errorOf(problems, field);
  return (
    <article>
      <BackLink
        href={`/coordinator/surveys/${survey.id}`}
        label={t('surveys:question.back', { survey: pickText(survey.title, locale) })}
      />
      <h1>
        {isNew
          ? t('surveys:question.newTitle', { type: typeLabel(t, type) })
          : t('surveys:question.editTitle', { type: typeLabel(t, type) })}
      </h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="type" value={type} />
        <ErrorSummary errors={problems} />
        <TranslatedFields
          prefix="prompt"
          label={t('surveys:question.prompt')}
          values={values}
          problems={problems}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="field-required"
            name="required"
            value="on"
            checked={values.required === 'on'}
          />
          <label for="field-required">{t('surveys:question.required')}</label>
        </div>
        {type === 'scale' && (
          <>
            <SelectField
              name="scaleMin"
              label={t('surveys:question.scaleMin')}
              value={values.scaleMin ?? '1'}
              error={error('scaleMin')}
              options={[
                { value: '0', label: '0' },
                { value: '1', label: '1' },
              ]}
            />
            <TextField
              name="scaleMax"
              type="number"
              inputmode="numeric"
              label={t('surveys:question.scaleMax')}
              hint={t('surveys:question.scaleMaxHint')}
              value={values.scaleMax ?? '5'}
              error={error('scaleMax')}
            />
            <TranslatedFields
              prefix="minLabel"
              label={t('surveys:question.minLabel')}
              values={values}
              problems={problems}
            />
            <TranslatedFields
              prefix="maxLabel"
              label={t('surveys:question.maxLabel')}
              values={values}
              problems={problems}
            />
          </>
        )}
        {type === 'nps' && <p class="field__hint">{t('surveys:question.npsHint')}</p>}
        {(type === 'single' || type === 'multiple') && (
          <TranslatedFields
            prefix="options"
            label={t('surveys:question.options')}
            values={values}
            problems={problems}
            multiline
          />
        )}
        {type === 'text' && (
          <TextField
            name="maxLength"
            type="number"
            inputmode="numeric"
            label={t('surveys:question.maxLength')}
            value={values.maxLength ?? '2000'}
            error={error('maxLength')}
          />
        )}
        <p class="actions">
          <button type="submit" class="button">
            {isNew ? t('surveys:question.add') : t('surveys:question.save')}
          </button>
          <a href={`/coordinator/surveys/${survey.id}`}>{t('applications:confirm.cancel')}</a>
        </p>
      </form>
    </article>
  );
};
