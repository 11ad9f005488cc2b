import type { Application } from '../../../core/applications/application';
import { participantPartnershipPath } from '../../../core/people/participant-area';
import type { Round } from '../../../core/rounds';
import { AnswersList } from '../applications/answers-list';
import { BackLink } from '../components';
import { useShell } from '../shell-context';

/** The participant's own application to a round, read-only. */
export const MyApplicationView = ({
  partnershipId,
  round,
  application,
}: {
  partnershipId: string;
  round: Round;
  application: Application;
}) => {
  const { t } = useShell();
  return (
    <section>
      <BackLink href={participantPartnershipPath(partnershipId)} label={t('participant:application.back')} />
      <h1>{t('participant:application.title', { round: round.name })}</h1>
      <p class="lead">{t('participant:application.lead')}</p>
      <AnswersList answers={application.answers} />
    </section>
  );
};
