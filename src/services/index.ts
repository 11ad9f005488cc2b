import type { Viewer } from '../core/people/viewer';
import { declineCarryOver } from './applications/decline-carry-over';
import { editApplication } from './applications/edit-application';
import { findPreviousAnswers } from './applications/find-previous-answers';
import {
  checkLikelyDuplicates,
  flagLikelyDuplicates,
  listUncheckedApplications,
} from './applications/flag-likely-duplicates';
import { viewPrivateApplication } from './applications/get-private-application';
import { findApplicantCountsExpiry, pruneApplicantCounts } from './applications/prune-applicant-counts';
import { recoverPrivateLinks } from './applications/recover-private-links';
import { requestPreviousAnswers } from './applications/request-previous-answers';
import { submitApplication } from './applications/submit-application';
import { stampingAuditOrigin, stampingAuditOriginOutside } from './audit/audit-origin';
import { exportAuditTrail, listAuditTrail } from './audit/audit-trail';
import {
  type DueCheckInPrompt,
  listDueCheckInPrompts,
  sendCheckInPrompts,
} from './checkins/check-in-prompts';
import { answerMyCheckIn, loadMyCheckIns } from './checkins/my-check-ins';
import { confirmCheckIn, openCheckInLink } from './checkins/record-check-in';
import { dismissIntervention, loadRoundCheckIns } from './checkins/round-check-ins';
import { listDueSilentPartnerChecks, sendSilentPartnerReminders } from './checkins/silent-partner-reminders';
import { loadRoundDashboard } from './dashboard/load-round-dashboard';
import { findDemoSignIns } from './demo/demo-setting';
import { isProgramEmpty, seedDemo } from './demo/seed-demo';
import { listDeadLetters, retryDeadLetters } from './mail/dead-letters';
import {
  type DeliverDueMailInput,
  deliverDueMail,
  deliverMail,
  deliverMailPass,
  listDueMail,
} from './mail/deliver-due-mail';
import { findOutboxMessage, listOutbox, loadMailQueueStatus } from './mail/outbox';
import { compareRuns } from './matching/compare-match-runs';
import {
  checkHandMadePartnership,
  commentOnPartnership,
  excludePartners,
  lockPartnership,
  removeExclusion,
  unlockPartnership,
} from './matching/edit-matching';
import { markParticipantInactive } from './matching/leave-partnership';
import { loadMatchBoard } from './matching/match-board';
import { getMatchSettings, updateMatchSettings } from './matching/match-settings';
import { previewPublish, publishRun } from './matching/publish-run';
import { repairPartnerships } from './matching/repair-partnerships';
import { listRoundPartnerships } from './matching/round-partnerships';
import { runMatching } from './matching/run-matching';
import { exportSolverGraph } from './matching/solver-graph-export';
import { getMyApplication, getMyPartnership, listMyPartnerships } from './participants/participant-area';
import { createCoordinator } from './people/create-coordinator';
import { loadCoordinatorDashboard } from './people/load-coordinator-dashboard';
import {
  addCoordinator,
  changeCoordinator,
  findCoordinator,
  listCoordinators,
  removeCoordinator,
} from './people/manage-coordinators';
import { requestSignInLink } from './people/request-sign-in-link';
import { sendSignInLink } from './people/send-sign-in-link';
import { setOwnTimeZone } from './people/set-own-time-zone';
import { recordSignOutEverywhere } from './people/sign-out-everywhere';
import { findPersonByEmail, findViewerByEmail } from './people/viewers';
import type { UseCaseDeps } from './ports/deps';
import type { UnitOfWork } from './ports/store';
import { applyRetention, countPastRetention } from './privacy/apply-retention';
import { erasePersonalData } from './privacy/erase-personal-data';
import { exportPersonalData } from './privacy/export-personal-data';
import { addResource, moveResource, removeResource, updateResource } from './resources/manage-resources';
import { addApplicationNote } from './review/add-application-note';
import { admitWaitlistedApplications } from './review/admit-from-waitlist';
import { exportApplicationsAudited } from './review/audited-export';
import { bulkReview } from './review/bulk-review';
import {
  importApplications,
  previewApplicationsImport,
  uploadApplicationsCsv,
} from './review/import-applications';
import { reviewApplication } from './review/review-application';
import {
  countRoundApplications,
  getApplicationDetail,
  listRoundApplications,
  loadReviewRound,
} from './review/review-queries';
import { undoDecisions } from './review/undo-decisions';
import {
  applyDueRoundTransition,
  applyDueRoundTransitions,
  listDueRoundTransitions,
} from './rounds/apply-due-round-transitions';
import { createRound } from './rounds/create-round';
import { listDueRoundClosings, sendRoundClosingEmails } from './rounds/send-closing-emails';
import { changeRoundStatus } from './rounds/transition-round';
import { updateRound } from './rounds/update-round';
import { openSurveyLink, submitSurveyAnswers } from './surveys/answer-survey';
import { type DueSurveyDelivery, listDueSurveyDeliveries, sendSurveyEmails } from './surveys/deliver-surveys';
import {
  addSurveyQuestion,
  createSurvey,
  getSurvey,
  listSurveysByRound,
  moveSurveyQuestion,
  removeSurveyQuestion,
  scheduleSurvey,
  unscheduleSurvey,
  updateSurveyQuestion,
  updateSurveySettings,
} from './surveys/manage-surveys';
import { listSurveyResponseRates } from './surveys/response-rates';
import {
  getPublishedRoundReport,
  listPublishedRoundReports,
  loadRoundReport,
  publishRoundReport,
  unpublishRoundReport,
} from './surveys/round-report';
import { exportSurveyResults, loadSurveyResults } from './surveys/survey-results';
import { createTopic } from './topics/create-topic';
import { deleteTopic } from './topics/delete-topic';
import { deliverTopic, listDueTopics } from './topics/deliver-due-topics';
import { editTopic } from './topics/edit-topic';
import { moveTopic } from './topics/move-topic';
import { getPublicTopic, listTopicArchive, loadRoundFeed } from './topics/public-topics';
import { findTopicForCoordinator, loadTopicCalendar, previewTopicEmail } from './topics/topic-queries';
import { withdrawApplication } from './withdrawals/withdraw-application';

/** What the composition root gives the use cases: the shared deps, and group commit for applicants. */
export interface ServiceDeps extends UseCaseDeps {
  /** Applicants' submissions and edits share commits (ADR 0005); everything else commits alone. */
  applicantUow: UnitOfWork;
}

type Args<F> = F extends (deps: UseCaseDeps, ...args: infer A) => unknown ? A : never;

/**
 * Every use case, bound to its dependencies once: the web app, the jobs, the CLI and auth call
 * these and never see a repository. Grouped by feature, as the folders are.
 */
export const createServices = (given: ServiceDeps) => {
  // Every audit entry records from where its action came (services/audit/audit-origin.ts).
  const deps: ServiceDeps = {
    ...given,
    store: stampingAuditOriginOutside(given.store),
    uow: stampingAuditOrigin(given.uow),
    applicantUow: stampingAuditOrigin(given.applicantUow),
  };
  const applicant: UseCaseDeps = { ...deps, uow: deps.applicantUow };
  const bind =
    <F extends (deps: UseCaseDeps, ...args: never[]) => unknown>(useCase: F, with_: UseCaseDeps = deps) =>
    (...args: Args<F>) =>
      useCase(with_, ...(args as never[])) as ReturnType<F>;
  return {
    applications: {
      submit: bind(submitApplication, applicant),
      edit: bind(editApplication, applicant),
      withdraw: bind(withdrawApplication, applicant),
      declineCarryOver: bind(declineCarryOver, applicant),
      viewPrivate: bind(viewPrivateApplication, applicant),
      findPreviousAnswers: bind(findPreviousAnswers, applicant),
      requestPreviousAnswers: bind(requestPreviousAnswers, applicant),
      recoverLinks: bind(recoverPrivateLinks, applicant),
      flagLikelyDuplicates: bind(flagLikelyDuplicates),
      listUnchecked: bind(listUncheckedApplications),
      checkDuplicates: bind(checkLikelyDuplicates),
      findCountsExpiry: bind(findApplicantCountsExpiry),
      pruneCounts: bind(pruneApplicantCounts),
    },
    review: {
      loadRound: bind(loadReviewRound),
      list: bind(listRoundApplications),
      counts: bind(countRoundApplications),
      detail: bind(getApplicationDetail),
      decide: bind(reviewApplication),
      bulk: bind(bulkReview),
      undo: bind(undoDecisions),
      addNote: bind(addApplicationNote),
      admitFromWaitlist: bind(admitWaitlistedApplications),
      export: bind(exportApplicationsAudited),
      uploadCsv: bind(uploadApplicationsCsv),
      previewImport: bind(previewApplicationsImport),
      import: bind(importApplications),
    },
    rounds: {
      list: () => deps.store.rounds.listRounds(),
      find: (id: string) => deps.store.rounds.findRound(id),
      create: bind(createRound),
      update: bind(updateRound),
      changeStatus: bind(changeRoundStatus),
      applyDueTransitions: bind(applyDueRoundTransitions),
      listDueTransitions: bind(listDueRoundTransitions),
      applyDueTransition: bind(applyDueRoundTransition),
      listDueClosings: bind(listDueRoundClosings),
      sendClosingEmails: (roundId: string, options?: { batchSize?: number; isStopping?: () => boolean }) =>
        sendRoundClosingEmails(deps, roundId, options),
    },
    people: {
      createCoordinator: bind(createCoordinator),
      requestSignInLink: bind(requestSignInLink),
      sendSignInLink: bind(sendSignInLink),
      findViewerByEmail: bind(findViewerByEmail),
      findPersonByEmail: bind(findPersonByEmail),
      setOwnTimeZone: bind(setOwnTimeZone),
      dashboard: (viewer: Viewer | null) => loadCoordinatorDashboard(deps, viewer),
      listCoordinators: bind(listCoordinators),
      findCoordinator: bind(findCoordinator),
      addCoordinator: bind(addCoordinator),
      changeCoordinator: bind(changeCoordinator),
      removeCoordinator: bind(removeCoordinator),
      recordSignOutEverywhere: bind(recordSignOutEverywhere),
    },
    resources: {
      list: () => deps.store.resources.listResources(),
      find: (id: string) => deps.store.resources.findResource(id),
      add: bind(addResource),
      update: bind(updateResource),
      remove: bind(removeResource),
      move: bind(moveResource),
    },
    matching: {
      settings: bind(getMatchSettings),
      updateSettings: bind(updateMatchSettings),
      run: bind(runMatching),
      board: bind(loadMatchBoard),
      compare: bind(compareRuns),
      checkPartnership: bind(checkHandMadePartnership),
      lock: bind(lockPartnership),
      unlock: bind(unlockPartnership),
      exclude: bind(excludePartners),
      removeExclusion: bind(removeExclusion),
      comment: bind(commentOnPartnership),
      exportGraph: bind(exportSolverGraph),
      publish: bind(publishRun),
      previewPublish: bind(previewPublish),
      partnerships: bind(listRoundPartnerships),
      markInactive: bind(markParticipantInactive),
      repair: bind(repairPartnerships),
    },
    participants: {
      list: bind(listMyPartnerships),
      partnership: bind(getMyPartnership),
      application: bind(getMyApplication),
    },
    mail: {
      deliverDue: (input: DeliverDueMailInput) => deliverDueMail(deps, input),
      listDue: bind(listDueMail),
      deliver: bind(deliverMail),
      listOutbox: bind(listOutbox),
      findOutboxMessage: bind(findOutboxMessage),
      queueStatus: bind(loadMailQueueStatus),
      deliverPass: bind(deliverMailPass),
      listDeadLetters: bind(listDeadLetters),
      retryDeadLetters: bind(retryDeadLetters),
    },
    topics: {
      calendar: bind(loadTopicCalendar),
      find: bind(findTopicForCoordinator),
      preview: bind(previewTopicEmail),
      create: bind(createTopic),
      edit: bind(editTopic),
      move: bind(moveTopic),
      remove: bind(deleteTopic),
      archive: bind(listTopicArchive),
      findPublic: bind(getPublicTopic),
      roundFeed: bind(loadRoundFeed),
      listDue: bind(listDueTopics),
      deliver: bind(deliverTopic),
    },
    surveys: {
      listByRound: bind(listSurveysByRound),
      get: bind(getSurvey),
      create: bind(createSurvey),
      updateSettings: bind(updateSurveySettings),
      addQuestion: bind(addSurveyQuestion),
      updateQuestion: bind(updateSurveyQuestion),
      moveQuestion: bind(moveSurveyQuestion),
      removeQuestion: bind(removeSurveyQuestion),
      schedule: bind(scheduleSurvey),
      unschedule: bind(unscheduleSurvey),
      listDueDeliveries: bind(listDueSurveyDeliveries),
      sendDue: (due: DueSurveyDelivery, options?: { batchSize?: number; isStopping?: () => boolean }) =>
        sendSurveyEmails(deps, due, options),
      openLink: bind(openSurveyLink),
      submitAnswers: bind(submitSurveyAnswers),
      results: bind(loadSurveyResults),
      exportResults: bind(exportSurveyResults),
      responseRates: bind(listSurveyResponseRates),
      roundReport: bind(loadRoundReport),
      publishReport: bind(publishRoundReport),
      unpublishReport: bind(unpublishRoundReport),
      publishedReport: bind(getPublishedRoundReport),
      publishedReports: bind(listPublishedRoundReports),
    },
    audit: {
      list: bind(listAuditTrail),
      export: bind(exportAuditTrail),
    },
    dashboard: {
      round: bind(loadRoundDashboard),
    },
    checkIns: {
      openLink: bind(openCheckInLink),
      confirm: bind(confirmCheckIn),
      mine: (viewer: Viewer | null) => loadMyCheckIns(deps, viewer),
      answerMine: bind(answerMyCheckIn),
      round: bind(loadRoundCheckIns),
      dismiss: bind(dismissIntervention),
      listDuePrompts: bind(listDueCheckInPrompts),
      sendPrompts: (due: DueCheckInPrompt, options?: { batchSize?: number; isStopping?: () => boolean }) =>
        sendCheckInPrompts(deps, due, options),
      listDueSilentChecks: bind(listDueSilentPartnerChecks),
      remindSilentPartners: bind(sendSilentPartnerReminders),
    },
    privacy: {
      exportData: bind(exportPersonalData),
      eraseData: bind(erasePersonalData),
      applyRetention: bind(applyRetention),
      countPastRetention: bind(countPastRetention),
    },
    program: {
      checkDatabase: () => deps.store.program.checkDatabase(),
      isEmpty: bind(isProgramEmpty),
      seedDemo: bind(seedDemo),
      findDemoSignIns: bind(findDemoSignIns),
    },
  };
};

export type Services = ReturnType<typeof createServices>;
