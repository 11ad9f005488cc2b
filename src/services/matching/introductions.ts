import type { PartnershipExplanation } from '../../core/matchmaking';
import { type IntroducedPartner, type Message, roundFactsOf } from '../../core/messages/messages';
import type { Round } from '../../core/rounds';
import { describeTimeDifference } from '../../core/time';
import type { MatchCandidate } from '../ports/matching';
import type { Store } from '../ports/store';

/**
 * What introducing partners takes, for a published run and a repair alike: each member becomes a
 * participant (a person of the program, found by email or created, with the participant role, so
 * they can sign in), and each gets one email naming their partners.
 */

/** The dedupe key of one member's introduction to one partnership: never sent twice. */
export const introductionKey = (partnershipId: string, applicationId: string): string =>
  `partnership-introduction:${partnershipId}:${applicationId}`;

/** Makes the members participants and links their applications to them; person ids by application. */
export const linkParticipants = async (
  store: Pick<Store, 'people' | 'matching'>,
  now: Date,
  members: readonly MatchCandidate[],
): Promise<Map<string, string>> => {
  const byEmail = await store.people.ensurePeopleWithRole(
    members.map((member) => ({
      email: member.email,
      name: member.name,
      locale: member.locale,
      timeZone: member.answers.timeZone,
    })),
    { role: 'participant', countryCode: null },
    now,
  );
  const personOf = new Map<string, string>();
  for (const member of members) {
    const personId = byEmail.get(member.email);
    if (personId === undefined) continue;
    personOf.set(member.applicationId, personId);
    if (member.personId !== personId)
      await store.matching.setApplicationPerson(member.applicationId, personId);
  }
  return personOf;
};

/** One partner as `member` is told about them. */
const introducePartner = (
  round: Round,
  member: MatchCandidate,
  partner: MatchCandidate,
  explanation: PartnershipExplanation | undefined,
): IntroducedPartner => {
  const pair = explanation?.pairs.find(
    (p) =>
      p.applicationIds.includes(member.applicationId) && p.applicationIds.includes(partner.applicationId),
  );
  return {
    name: partner.name,
    email: partner.email,
    countryCode: partner.countryCode,
    role: partner.answers.role,
    sector: partner.answers.sector,
    careerStage: partner.answers.careerStage,
    timeZone: partner.answers.timeZone,
    timeDifference: describeTimeDifference(member.answers.timeZone, partner.answers.timeZone, round),
    sharedInterestIds: pair?.sharedInterests.map((interest) => interest.interestId) ?? [],
    sharedLanguageCodes: pair?.sharedLanguages.map((language) => language.code) ?? [],
    callMode: pair?.overlap.callMode ?? 'both-email-only',
    guaranteedWeeklyMinutes: pair?.overlap.guaranteedWeeklyMinutes ?? 0,
  };
};

/** One introduction per member, in the language they applied in, naming only their own partners. */
export const introductionMessages = (input: {
  round: Round;
  partnershipId: string;
  members: readonly MatchCandidate[];
  explanation: PartnershipExplanation | undefined;
  /** Whether the member had a partner in this round before (a repair): "your new partner". */
  isNewPartner: (applicationId: string) => boolean;
}): Message[] =>
  input.members.map((member) => ({
    kind: 'partnership-introduction',
    to: member.email,
    locale: member.locale,
    dedupeKey: introductionKey(input.partnershipId, member.applicationId),
    payload: {
      name: member.name,
      round: roundFactsOf(input.round),
      timeZone: member.answers.timeZone,
      partners: input.members
        .filter((partner) => partner.applicationId !== member.applicationId)
        .map((partner) => introducePartner(input.round, member, partner, input.explanation)),
      isNewPartner: input.isNewPartner(member.applicationId),
    },
  }));
