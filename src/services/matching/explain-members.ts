import type { ApplicationAnswers } from '../../core/applications/application-answers';
import { explainPartnerships, MatchAnswersSchema, type PartnershipExplanation } from '../../core/matchmaking';
import type { Round } from '../../core/rounds';
import { type MatchSettingsInput, MatchSettingsSchema } from '../../core/scoring/match-settings';

/**
 * The explanation of one partnership from its members alone (what they share, their call times
 * per period of the round in both local times), for partnerships whose run is not at hand: the
 * participants' area, and partnerships a repair made. The fit's rarity weights are the members'
 * own, not the round's; everything a participant is shown is the same either way.
 */
export const explainMembers = (
  round: Round,
  settings: MatchSettingsInput | undefined,
  members: readonly { applicationId: string; email: string; answers: ApplicationAnswers }[],
): PartnershipExplanation => {
  const [explanation] = explainPartnerships(
    {
      round: { startsOn: round.startsOn, endsOn: round.endsOn, programTimeZone: round.programTimeZone },
      applications: members.map((member) => ({
        id: member.applicationId,
        personKey: member.email,
        // Explained as they were matched, even if someone has withdrawn since.
        status: 'accepted',
        answers: MatchAnswersSchema.parse(member.answers),
      })),
      settings: MatchSettingsSchema.parse(settings ?? {}),
      objective: 'total-fit',
      locks: [],
      exclusions: [],
      pastPartners: [],
    },
    [members.map((member) => member.applicationId)],
  );
  return explanation!;
};
