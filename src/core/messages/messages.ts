import type { ApplicationStatus } from '../applications/application-status';
import type { CheckInLinks } from '../checkins/check-in-link';
import type { SilenceReason } from '../checkins/silent-partners';
import type { Round } from '../rounds/round';
import type { LocalizedText } from '../surveys/survey';
import type { CallMode } from '../time/overlap-periods';

/**
 * The closed set of messages the program sends people. A use case enqueues one of these, in the
 * same transaction as the change it is about; the email adapter renders it in the recipient's
 * language (`locale`) and builds every link from the site's address and the tokens given here, so
 * no use case writes a sentence or a URL. A new email adds its kind here first.
 *
 * Payloads are plain data that survive JSON (instants as ISO-8601 text), so a message can be
 * rendered now or later from what it says alone.
 */

/** What emails say about a round: its name, its window and its dates. */
export interface RoundFacts {
  id: string;
  name: string;
  /** ISO-8601 instant. */
  applicationsCloseAt: string;
  startsOn: string;
  endsOn: string;
  programTimeZone: string;
  isQuotaEnabled: boolean;
}

export const roundFactsOf = (round: Round): RoundFacts => ({
  id: round.id,
  name: round.name,
  applicationsCloseAt: round.applicationsCloseAt.toISOString(),
  startsOn: round.startsOn,
  endsOn: round.endsOn,
  programTimeZone: round.programTimeZone,
  isQuotaEnabled: round.quota.enabled,
});

/** An application's private page, opened by the holder of `privateToken`. */
interface AboutApplication {
  name: string;
  round: RoundFacts;
  /** The applicant's own zone, for the deadline. */
  timeZone: string;
  privateToken: string;
}

/** One partner as an introduction presents them to the recipient. */
export interface IntroducedPartner {
  name: string;
  email: string;
  countryCode: string;
  role: string;
  sector: string;
  careerStage: string;
  timeZone: string;
  /**
   * The partner's clock minus the recipient's, in minutes, from each instant on (ISO-8601): the
   * first entry holds from the round's start, later ones from a daylight-saving change.
   */
  timeDifference: { fromAt: string; minutes: number }[];
  /** Interest ids both chose, rarest in the round first. */
  sharedInterestIds: string[];
  /** Language codes both speak. */
  sharedLanguageCodes: string[];
  callMode: CallMode;
  /** The least weekly overlap of both people's call times over the round (both want calls). */
  guaranteedWeeklyMinutes: number;
}

/** A survey email: the participant's personal link (its token; only a hash is stored). */
interface AboutSurvey {
  name: string;
  roundName: string;
  surveyTitle: LocalizedText;
  token: string;
  /** ISO-8601 instant the survey closes (and the link expires). */
  closesAt: string;
  /** The participant's own zone, for the closing moment. */
  timeZone: string;
}

export interface MessagePayloads {
  'application-received': AboutApplication;
  'application-link-resent': AboutApplication;
  /** A coordinator imported the application from a spreadsheet (`isWaitlisted`: placed over quota). */
  'application-imported': AboutApplication & { isWaitlisted: boolean };
  /** Applications closed and the applicant's country was over its quota. */
  'application-waitlisted-by-quota': AboutApplication & { countryCode: string };
  'application-previous-answers': { name: string; round: RoundFacts; prefillToken: string; hours: number };
  /** The owner of an address asked for their private links again (one per application). */
  'application-links': {
    name: string;
    links: { round: RoundFacts; privateToken: string; status: ApplicationStatus }[];
  };
  /** `roundId` is set when the round still takes applications: the email says how to apply again. */
  'application-withdrawn': { name: string; roundName: string; roundId?: string | undefined };
  'application-accepted': { name: string; round: RoundFacts };
  'application-declined': { name: string; round: RoundFacts };
  /** A coordinator moved the application to the waitlist. */
  'application-waitlisted': { name: string; round: RoundFacts };
  'application-carried-over': { name: string; round: RoundFacts };
  'sign-in-link': { name: string; token: string; next?: string | undefined; minutes: number };
  /** Partners are introduced: a published run, or a new partnership after a repair (`isNewPartner`). */
  'partnership-introduction': {
    name: string;
    round: RoundFacts;
    /** The recipient's own zone. */
    timeZone: string;
    partners: IntroducedPartner[];
    isNewPartner: boolean;
  };
  /** A partner left the partnership; `isAlone`: nobody is left, a new partner will be found. */
  'partnership-partner-left': { name: string; roundName: string; isAlone: boolean };
  'survey-invitation': AboutSurvey;
  /** The one reminder, to those who have not answered. */
  'survey-reminder': AboutSurvey;
  /** "Did you connect?" in a fortnight without a topic (a topic's email carries the same links). */
  'check-in-prompt': { name: string; roundName: string; checkIn: CheckInLinks };
  /** The one friendly reminder to a silent partner of a partnership on the intervention list. */
  'silent-partner-reminder': {
    name: string;
    roundName: string;
    reason: SilenceReason;
    /** The first names the recipient knows their partners by. */
    partnerNames: string[];
    checkIn?: CheckInLinks | undefined;
  };
  /** The round has ended: thanks, the end-of-round survey and the next round. */
  'round-closing': RoundClosing;
  /** A fortnightly discussion topic, to one active participant (core/topics/topic-messages.ts). */
  topic: TopicMessage;
}

/** What a topic email says. */
export interface TopicMessage {
  /** The participant's name. */
  name: string;
  roundId: string;
  roundName: string;
  topicId: string;
  /** 1, 2, … among the round's scheduled topics. */
  number: number;
  /** The day it goes out (round's zone). */
  publishOn: string;
  /** The topic in the language chosen for this participant (Markdown body). */
  title: string;
  body: string;
  /** The language of `title` and `body` (`en` when there is no translation into theirs). */
  textLocale: string;
  /** The participant's application in the round. */
  applicationId: string;
  /** The fortnight's one-click check-in answers; undefined when the topic's moment is outside the round. */
  checkIn?: CheckInLinks | undefined;
}

/** What the closing email of a round says. */
export interface RoundClosing {
  name: string;
  roundName: string;
  /** The participant's own zone, for the survey's and the next round's moments. */
  timeZone: string;
  /**
   * The end-of-round survey: open now (a personal link, only its hash stored), opening later (it
   * comes by email then), or none for this round.
   */
  survey:
    | { state: 'open'; title: LocalizedText; token: string; closesAt: string }
    | { state: 'later'; title: LocalizedText; sendAt: string }
    | { state: 'none' };
  /** The round to apply to next, or undefined: a general line that the next round will be announced. */
  nextRound?:
    | {
        id: string;
        name: string;
        isOpenNow: boolean;
        applicationsOpenAt: string;
        applicationsCloseAt: string;
      }
    | undefined;
}

export type MessageKind = keyof MessagePayloads;

export const MESSAGE_KINDS = [
  'application-received',
  'application-link-resent',
  'application-imported',
  'application-waitlisted-by-quota',
  'application-previous-answers',
  'application-links',
  'application-withdrawn',
  'application-accepted',
  'application-declined',
  'application-waitlisted',
  'application-carried-over',
  'sign-in-link',
  'partnership-introduction',
  'partnership-partner-left',
  'survey-invitation',
  'survey-reminder',
  'check-in-prompt',
  'silent-partner-reminder',
  'round-closing',
  'topic',
] as const satisfies readonly MessageKind[];

/** One message to one person. */
export type Message = {
  [K in MessageKind]: {
    kind: K;
    to: string;
    /** The recipient's language: the message is written in it. */
    locale: string;
    payload: MessagePayloads[K];
    /**
     * Makes the message happen at most once: a key already in the queue (in any state, even sent
     * long ago) is not queued again. Name what the message is about, e.g. `application-accepted:<id>`.
     */
    dedupeKey?: string | undefined;
  };
}[MessageKind];
