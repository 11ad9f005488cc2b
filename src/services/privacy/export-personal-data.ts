import { firstNameOf } from '../../core/privacy/erasure';
import { PRIVACY_NOTICE_VERSION } from '../../core/privacy/privacy-notice';
import type { UseCaseDeps } from '../ports/deps';
import type { HeldData } from '../ports/privacy';
import { type DataRequester, resolveDataSubject } from './data-subject';

/** The "download my data" document: what is held, with the partners' first names only. */
export interface PersonalDataExport {
  generatedAt: Date;
  privacyNoticeVersion: string;
  person: HeldData['person'];
  applications: HeldData['applications'];
  consents: {
    applicationId: string;
    roundName: string;
    privacyNoticeVersion: string | null;
    acceptedAt: Date;
  }[];
  partnerships: (Omit<HeldData['partnerships'][number], 'partnerNames'> & { partnerFirstNames: string[] })[];
  checkIns: HeldData['checkIns'];
  surveyParticipation: HeldData['surveys'];
  emails: HeldData['emails'];
  sessions: HeldData['sessions'];
  auditEntries: HeldData['auditEntries'];
}

/**
 * Everything the program holds about the requester, as one JSON document. The download is itself
 * recorded in the audit trail (an export of personal data), naming only ids.
 */
export const exportPersonalData = async (
  deps: UseCaseDeps,
  requester: DataRequester,
): Promise<PersonalDataExport> => {
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const subject = await resolveDataSubject(store, requester);
    const applications = await store.privacy.listApplicationsOf(subject);
    const held = await store.privacy.collectHeldData(
      subject,
      applications.map((application) => application.id),
    );
    const subjectId = subject.personId ?? applications[0]?.id ?? '';
    await store.audit.record(
      {
        actorPersonId: subject.personId,
        action: 'person.data-exported',
        subjectType: subject.personId ? 'person' : 'application',
        subjectId,
        details: { applications: applications.length },
      },
      now,
    );
    return {
      generatedAt: now,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      person: held.person,
      applications: held.applications,
      consents: held.applications.map((application) => ({
        applicationId: application.id,
        roundName: application.roundName,
        privacyNoticeVersion: application.consentVersion,
        acceptedAt: application.submittedAt,
      })),
      partnerships: held.partnerships.map(({ partnerNames, ...partnership }) => ({
        ...partnership,
        partnerFirstNames: partnerNames.map(firstNameOf),
      })),
      checkIns: held.checkIns,
      surveyParticipation: held.surveys,
      emails: held.emails,
      sessions: held.sessions,
      auditEntries: held.auditEntries,
    };
  });
};
