import type { AuditAction } from '../../core/audit/audit-entry';
import { DomainError, invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import {
  nextQuestionId,
  parseQuestionForm,
  parseSurveySettings,
  type QuestionFormValues,
  type Survey,
  type SurveyDefinition,
  validateSurveyDefinition,
} from '../../core/surveys';
import { assertCoordinator, assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/**
 * Program coordinators build a round's surveys: settings (kind, title, moments), questions added,
 * edited, moved and removed, then scheduled. A survey changes only while it is a draft: once
 * scheduled it is sent at its moment, and every answer must answer the same questions. A scheduled
 * survey that nobody has been sent yet can go back to draft. Every change is audited.
 */
export interface SurveyEditInput {
  viewer: Viewer | null;
  surveyId: string;
}

const notFound = (id: string) => new DomainError('NOT_FOUND', 'survey.notFound', { id });

/** A survey the viewer may see (any coordinator); NOT_FOUND when there is none. */
export const getSurvey = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  surveyId: string,
): Promise<{ survey: Survey; round: Round; hasBeenSent: boolean }> => {
  assertCoordinator(viewer, 'see surveys');
  const survey = await deps.store.surveys.findSurvey(surveyId);
  if (!survey) throw notFound(surveyId);
  const [round, hasBeenSent] = await Promise.all([
    deps.store.rounds.getRound(survey.roundId),
    deps.store.surveys.hasDeliveries(survey.id),
  ]);
  return { survey, round, hasBeenSent };
};

/** Every round with its surveys, newest round first (any coordinator). */
export const listSurveysByRound = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
): Promise<{ round: Round; surveys: Survey[] }[]> => {
  assertCoordinator(viewer, 'see surveys');
  const [rounds, surveys] = await Promise.all([
    deps.store.rounds.listRounds(),
    deps.store.surveys.listSurveys(),
  ]);
  return [...rounds]
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .map((round) => ({ round, surveys: surveys.filter((survey) => survey.roundId === round.id) }));
};

const audit = (
  store: Store,
  viewer: Viewer,
  action: AuditAction,
  survey: Survey,
  details: object,
  now: Date,
) =>
  store.audit.record(
    {
      actorPersonId: actorIdOf(viewer),
      action,
      subjectType: 'survey',
      subjectId: survey.id,
      details: { roundId: survey.roundId, ...details },
    },
    now,
  );

export interface CreateSurveyInput {
  viewer: Viewer | null;
  roundId: string;
  /** The settings form as submitted (SurveySettingsFormSchema). */
  form: unknown;
  /** Starts with the questions of this earlier survey (ids kept, so results compare across rounds). */
  copyFromSurveyId?: string | undefined;
}

export const createSurvey = async (deps: UseCaseDeps, input: CreateSurveyInput): Promise<Survey> => {
  const viewer = assertProgramCoordinator(input.viewer, 'build surveys');
  const round = await deps.store.rounds.findRound(input.roundId);
  if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id: input.roundId });
  const settings = parseSurveySettings(input.form, round.programTimeZone);
  if (!settings.ok) throw invalidInput(settings.problems);
  let definition: SurveyDefinition = { questions: [] };
  if (input.copyFromSurveyId) {
    const source = await deps.store.surveys.findSurvey(input.copyFromSurveyId);
    if (!source) throw notFound(input.copyFromSurveyId);
    definition = structuredClone(source.definition);
  }
  const now = deps.clock.now();
  const survey: Survey = {
    id: deps.ids.newId(),
    roundId: round.id,
    ...settings.value,
    definition,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  };
  await deps.uow.transaction(async (store) => {
    await store.surveys.insertSurvey(survey, actorIdOf(viewer));
    await audit(
      store,
      viewer,
      'survey.created',
      survey,
      { kind: survey.kind, copiedFrom: input.copyFromSurveyId ?? null },
      now,
    );
  });
  return survey;
};

/**
 * Reads the survey in the transaction, checks it is still a draft, applies `change` and saves it
 * with an audit entry. `change` returns the new survey and what the audit entry says.
 */
const editDraft = async (
  deps: UseCaseDeps,
  input: SurveyEditInput,
  change: (survey: Survey, round: Round) => { survey: Survey; details: object },
): Promise<Survey> => {
  const viewer = assertProgramCoordinator(input.viewer, 'build surveys');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const current = await store.surveys.findSurvey(input.surveyId);
    if (!current) throw notFound(input.surveyId);
    if (current.status !== 'draft')
      throw new DomainError('CONFLICT', 'survey.notEditable', { id: current.id });
    const round = await store.rounds.getRound(current.roundId);
    const { survey, details } = change(current, round);
    const checked = validateSurveyDefinition(survey.definition);
    if (!checked.ok) throw invalidInput(checked.problems);
    const saved = { ...survey, updatedAt: now };
    await store.surveys.saveSurvey(saved);
    await audit(store, viewer, 'survey.edited', saved, details, now);
    return saved;
  });
};

export const updateSurveySettings = (deps: UseCaseDeps, input: SurveyEditInput & { form: unknown }) =>
  editDraft(deps, input, (survey, round) => {
    const settings = parseSurveySettings(input.form, round.programTimeZone);
    if (!settings.ok) throw invalidInput(settings.problems);
    return { survey: { ...survey, ...settings.value }, details: { change: 'settings' } };
  });

export const addSurveyQuestion = (deps: UseCaseDeps, input: SurveyEditInput & { form: QuestionFormValues }) =>
  editDraft(deps, input, (survey) => {
    const id = nextQuestionId(survey.definition);
    const parsed = parseQuestionForm(input.form, id);
    if (!parsed.ok) throw invalidInput(parsed.problems);
    return {
      survey: { ...survey, definition: { questions: [...survey.definition.questions, parsed.question] } },
      details: { change: 'question-added', questionId: id, type: parsed.question.type },
    };
  });

const findQuestionIndex = (survey: Survey, questionId: string): number => {
  const index = survey.definition.questions.findIndex((question) => question.id === questionId);
  if (index < 0) throw new DomainError('NOT_FOUND', 'survey.questionNotFound', { id: questionId });
  return index;
};

export const updateSurveyQuestion = (
  deps: UseCaseDeps,
  input: SurveyEditInput & { questionId: string; form: QuestionFormValues },
) =>
  editDraft(deps, input, (survey) => {
    const index = findQuestionIndex(survey, input.questionId);
    const current = survey.definition.questions[index]!;
    const optionIds =
      current.type === 'single' || current.type === 'multiple' ? current.options.map((o) => o.id) : [];
    const parsed = parseQuestionForm(input.form, current.id, optionIds);
    if (!parsed.ok) throw invalidInput(parsed.problems);
    const questions = survey.definition.questions.with(index, parsed.question);
    return {
      survey: { ...survey, definition: { questions } },
      details: { change: 'question-edited', questionId: current.id },
    };
  });

export const moveSurveyQuestion = (
  deps: UseCaseDeps,
  input: SurveyEditInput & { questionId: string; direction: 'up' | 'down' },
) =>
  editDraft(deps, input, (survey) => {
    const index = findQuestionIndex(survey, input.questionId);
    const target = input.direction === 'up' ? index - 1 : index + 1;
    const questions = [...survey.definition.questions];
    if (target >= 0 && target < questions.length)
      [questions[index], questions[target]] = [questions[target]!, questions[index]!];
    return {
      survey: { ...survey, definition: { questions } },
      details: { change: 'question-moved', questionId: input.questionId, direction: input.direction },
    };
  });

export const removeSurveyQuestion = (deps: UseCaseDeps, input: SurveyEditInput & { questionId: string }) =>
  editDraft(deps, input, (survey) => {
    findQuestionIndex(survey, input.questionId);
    return {
      survey: {
        ...survey,
        definition: {
          questions: survey.definition.questions.filter((question) => question.id !== input.questionId),
        },
      },
      details: { change: 'question-removed', questionId: input.questionId },
    };
  });

/** Ready: it will be sent at its moment. A survey without questions cannot be scheduled. */
export const scheduleSurvey = async (deps: UseCaseDeps, input: SurveyEditInput): Promise<Survey> => {
  const viewer = assertProgramCoordinator(input.viewer, 'schedule surveys');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const current = await store.surveys.findSurvey(input.surveyId);
    if (!current) throw notFound(input.surveyId);
    if (current.status === 'scheduled') return current;
    if (current.definition.questions.length === 0) {
      throw new DomainError('CONFLICT', 'survey.noQuestions', { id: current.id });
    }
    if (now.getTime() >= current.closesAt.getTime()) {
      throw new DomainError('CONFLICT', 'survey.closesInPast', { id: current.id });
    }
    const survey: Survey = { ...current, status: 'scheduled', updatedAt: now };
    await store.surveys.saveSurvey(survey);
    await audit(store, viewer, 'survey.scheduled', survey, { sendAt: survey.sendAt.toISOString() }, now);
    return survey;
  });
};

/** Back to draft, for changes; refused once anyone has been sent it. */
export const unscheduleSurvey = async (deps: UseCaseDeps, input: SurveyEditInput): Promise<Survey> => {
  const viewer = assertProgramCoordinator(input.viewer, 'schedule surveys');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const current = await store.surveys.findSurvey(input.surveyId);
    if (!current) throw notFound(input.surveyId);
    if (current.status === 'draft') return current;
    // Write first: the row lock makes a delivery pass in flight finish (and be seen) or wait.
    const survey: Survey = { ...current, status: 'draft', updatedAt: now };
    await store.surveys.saveSurvey(survey);
    if (await store.surveys.hasDeliveries(current.id)) {
      throw new DomainError('CONFLICT', 'survey.alreadySent', { id: current.id });
    }
    await audit(store, viewer, 'survey.unscheduled', survey, {}, now);
    return survey;
  });
};
