import { hashToken } from '../../core/applications/application-token';
import { dueDeliveryKinds, type SurveyDeliveryKind } from '../../core/surveys/survey-schedule';
import { formatSurveyToken } from '../../core/surveys/survey-token';
import type { UseCaseDeps } from '../ports/deps';

/**
 * Survey emails, sent without anyone pressing a button and never twice.
 *
 * What is due is core's dueDeliveryKinds (the survey and the time) plus who still needs it (the
 * database: active participants without a delivery of that kind; for the reminder, those invited
 * before its moment who have not answered). Each batch is one transaction that records the
 * deliveries under the primary key (survey, participant, kind), stores the links' hashes and
 * queues the emails: a participant recorded by an earlier pass, a crashed pass that committed, or
 * another process is left out, and a pass that dies before committing left nothing behind. The
 * mail queue's dedupe key is a second guard.
 */
export const SURVEY_BATCH_SIZE = 200;

export interface DueSurveyDelivery {
  surveyId: string;
  kind: SurveyDeliveryKind;
}

/** Surveys with emails due now and someone still to send them to. */
export const listDueSurveyDeliveries = async (deps: UseCaseDeps): Promise<DueSurveyDelivery[]> => {
  const now = deps.clock.now();
  const due: DueSurveyDelivery[] = [];
  for (const survey of await deps.store.surveys.listScheduledOpenSurveys(now)) {
    for (const kind of dueDeliveryKinds(survey, now)) {
      const pending = await deps.store.surveys.listSurveyRecipients({
        surveyId: survey.id,
        roundId: survey.roundId,
        kind,
        remindAt: survey.remindAt,
        limit: 1,
      });
      if (pending.length > 0) due.push({ surveyId: survey.id, kind });
    }
  }
  return due;
};

export interface SendSurveyEmailsResult {
  sent: number;
  /** When the emails fell due, and how long after that the first of them was queued. */
  dueAt: Date | null;
  lateMs: number;
}

/**
 * Sends one survey's due emails of one kind in batches until nobody is left (or the worker is
 * stopping); resolves with how many were queued.
 */
export const sendSurveyEmails = async (
  deps: UseCaseDeps,
  due: DueSurveyDelivery,
  options: { batchSize?: number; isStopping?: () => boolean } = {},
): Promise<SendSurveyEmailsResult> => {
  const batchSize = options.batchSize ?? SURVEY_BATCH_SIZE;
  const sign = (payload: string) => deps.hashKey(payload);
  let sent = 0;
  let dueAt: Date | null = null;
  let lateMs = 0;
  for (;;) {
    if (options.isStopping?.()) break;
    const now = deps.clock.now();
    const batch = await deps.uow.transaction(async (store) => {
      const survey = await store.surveys.findSurvey(due.surveyId);
      if (!survey || !dueDeliveryKinds(survey, now).includes(due.kind)) return { fetched: 0, recorded: 0 };
      if (!(await store.surveys.lockScheduledSurvey(survey.id))) return { fetched: 0, recorded: 0 };
      if (!dueAt) {
        dueAt = due.kind === 'invitation' ? survey.sendAt : survey.remindAt;
        lateMs = now.getTime() - dueAt.getTime();
      }
      const recipients = await store.surveys.listSurveyRecipients({
        surveyId: survey.id,
        roundId: survey.roundId,
        kind: due.kind,
        remindAt: survey.remindAt,
        limit: batchSize,
      });
      if (recipients.length === 0) return { fetched: 0, recorded: 0 };
      const recorded = await store.surveys.recordDeliveries({
        surveyId: survey.id,
        kind: due.kind,
        applicationIds: recipients.map((recipient) => recipient.applicationId),
        now,
      });
      const round = await store.rounds.getRound(survey.roundId);
      const links: { tokenHash: string; surveyId: string; applicationId: string; expiresAt: Date }[] = [];
      for (const recipient of recipients) {
        if (!recorded.has(recipient.applicationId)) continue;
        const { token, expiresAt } = formatSurveyToken(deps.ids.newToken(), survey.closesAt, sign);
        links.push({
          tokenHash: hashToken(token),
          surveyId: survey.id,
          applicationId: recipient.applicationId,
          expiresAt,
        });
        await store.messages.enqueue(
          {
            kind: due.kind === 'invitation' ? 'survey-invitation' : 'survey-reminder',
            to: recipient.email,
            locale: recipient.locale,
            dedupeKey: `survey-${due.kind}:${survey.id}:${recipient.applicationId}`,
            payload: {
              name: recipient.name,
              roundName: round.name,
              surveyTitle: survey.title,
              token,
              closesAt: survey.closesAt.toISOString(),
              timeZone: recipient.timeZone,
            },
          },
          now,
        );
      }
      await store.surveys.insertLinks(links, now);
      return { fetched: recipients.length, recorded: recorded.size };
    });
    sent += batch.recorded;
    if (batch.fetched < batchSize) break;
  }
  return { sent, dueAt, lateMs };
};
