import { LOST_LINK_PATH } from '../core/applications/private-link';
import { getCountryName } from '../core/countries';
import type { Message } from '../core/messages/messages';
import { PARTICIPANT_AREA_PATH } from '../core/people/participant-area';
import { signInLinkPath } from '../core/people/sign-in-link';
import { surveyLinkPath } from '../core/surveys/survey-token';
import { formatCalendarDate } from '../core/time/date-format';
import { pickLocale } from '../i18n';
import type { RenderedEmail } from './layout';
import { renderApplicationImportedEmail } from './templates/application-imported';
import { renderApplicationLinkResentEmail } from './templates/application-link-resent';
import { renderApplicationLinksEmail } from './templates/application-links';
import { renderApplicationPreviousAnswersEmail } from './templates/application-previous-answers';
import { renderApplicationReceivedEmail } from './templates/application-received';
import { renderReviewEmail } from './templates/application-review';
import { renderApplicationWaitlistedEmail } from './templates/application-waitlisted';
import { renderApplicationWithdrawnEmail } from './templates/application-withdrawn';
import { renderCheckInPromptEmail, renderSilentPartnerReminderEmail } from './templates/check-in-emails';
import {
  renderPartnerLeftEmail,
  renderPartnershipIntroductionEmail,
} from './templates/partnership-introduction';
import { renderRoundClosingEmail } from './templates/round-closing';
import { renderSignInLinkEmail } from './templates/sign-in-link';
import { renderSurveyEmail } from './templates/survey-invitation';
import { renderTopicEmail } from './templates/topic';

export interface RenderedMessage extends RenderedEmail {
  subject: string;
}

/** Where the links in emails point. */
export interface MessageLinks {
  /** The site's public address (BASE_URL). */
  baseUrl: string;
}

const urlOf = (links: MessageLinks, path: string): string => `${links.baseUrl.replace(/\/+$/, '')}${path}`;

/** An application's private page. */
export const privateLinkFor = (links: MessageLinks, token: string): string =>
  urlOf(links, `/applications/${token}`);

/** Where a sign-in link points: our own verification route, with where to go afterwards. */
export const signInLinkUrl = (links: MessageLinks, token: string, next?: string): string => {
  const url = new URL('/sign-in/verify', links.baseUrl);
  url.searchParams.set('token', token);
  if (next) url.searchParams.set('next', next);
  return url.toString();
};

/**
 * Every message of the closed set (core/messages), written in its recipient's language with the
 * template for its kind. The switch is exhaustive: a new kind does not compile until it has one.
 */
export const createMessageRenderer =
  (links: MessageLinks) =>
  (message: Message): RenderedMessage => {
    const locale = pickLocale(message.locale);
    switch (message.kind) {
      case 'application-received':
      case 'application-link-resent': {
        const { payload } = message;
        const input = {
          locale,
          name: payload.name,
          round: payload.round,
          timeZone: payload.timeZone,
          url: privateLinkFor(links, payload.privateToken),
          lostLinkUrl: urlOf(links, LOST_LINK_PATH),
        };
        return message.kind === 'application-received'
          ? renderApplicationReceivedEmail(input)
          : renderApplicationLinkResentEmail(input);
      }
      case 'application-imported': {
        const { payload } = message;
        return renderApplicationImportedEmail({
          locale,
          name: payload.name,
          round: payload.round,
          timeZone: payload.timeZone,
          url: privateLinkFor(links, payload.privateToken),
          lostLinkUrl: urlOf(links, LOST_LINK_PATH),
          isWaitlisted: payload.isWaitlisted,
        });
      }
      case 'application-waitlisted-by-quota': {
        const { payload } = message;
        return renderApplicationWaitlistedEmail({
          locale,
          name: payload.name,
          round: payload.round,
          timeZone: payload.timeZone,
          url: privateLinkFor(links, payload.privateToken),
          lostLinkUrl: urlOf(links, LOST_LINK_PATH),
          countryName: getCountryName(payload.countryCode, locale),
        });
      }
      case 'application-previous-answers': {
        const { payload } = message;
        return renderApplicationPreviousAnswersEmail({
          locale,
          name: payload.name,
          roundName: payload.round.name,
          url: urlOf(
            links,
            `/rounds/${encodeURIComponent(payload.round.id)}/apply?prefill=${payload.prefillToken}`,
          ),
          hours: payload.hours,
        });
      }
      case 'application-links':
        return renderApplicationLinksEmail({
          locale,
          payload: message.payload,
          urlFor: (token) => privateLinkFor(links, token),
        });
      case 'application-withdrawn':
        return renderApplicationWithdrawnEmail({
          locale,
          name: message.payload.name,
          roundName: message.payload.roundName,
          homeUrl: urlOf(links, '/'),
          applyUrl: message.payload.roundId
            ? urlOf(links, `/rounds/${encodeURIComponent(message.payload.roundId)}/apply`)
            : undefined,
        });
      case 'application-accepted':
      case 'application-declined':
      case 'application-waitlisted':
      case 'application-carried-over': {
        const { payload } = message;
        return renderReviewEmail({
          kind: REVIEW_KIND[message.kind],
          name: payload.name,
          roundName: payload.round.name,
          startsOn: formatCalendarDate(payload.round.startsOn as never, locale),
          locale,
          lostLinkUrl: urlOf(links, LOST_LINK_PATH),
        });
      }
      case 'topic': {
        const { payload } = message;
        return renderTopicEmail({
          ...payload,
          locale,
          topicUrl: urlOf(
            links,
            `/topics/${encodeURIComponent(payload.topicId)}?lang=${encodeURIComponent(payload.textLocale)}`,
          ),
          urlOf: (path) => urlOf(links, path),
        });
      }
      case 'sign-in-link': {
        const { payload } = message;
        return renderSignInLinkEmail({
          name: payload.name,
          url: urlOf(links, signInLinkPath(payload.token, payload.next)),
          minutes: payload.minutes,
          locale,
        });
      }
      case 'partnership-introduction':
        return renderPartnershipIntroductionEmail({
          locale,
          payload: message.payload,
          areaUrl: urlOf(links, PARTICIPANT_AREA_PATH),
        });
      case 'partnership-partner-left':
        return renderPartnerLeftEmail({
          locale,
          payload: message.payload,
          areaUrl: urlOf(links, PARTICIPANT_AREA_PATH),
        });
      case 'survey-invitation':
      case 'survey-reminder': {
        const { payload } = message;
        return renderSurveyEmail({
          kind: message.kind === 'survey-invitation' ? 'invitation' : 'reminder',
          locale,
          // Coordinators may translate a survey into a language the interface does not speak yet.
          contentLocale: message.locale,
          name: payload.name,
          roundName: payload.roundName,
          title: payload.surveyTitle,
          url: urlOf(links, surveyLinkPath(payload.token)),
          closesAt: payload.closesAt,
          timeZone: payload.timeZone,
        });
      }
      case 'check-in-prompt':
        return renderCheckInPromptEmail({
          locale,
          payload: message.payload,
          urlOf: (path) => urlOf(links, path),
          areaUrl: urlOf(links, PARTICIPANT_AREA_PATH),
        });
      case 'silent-partner-reminder':
        return renderSilentPartnerReminderEmail({
          locale,
          payload: message.payload,
          urlOf: (path) => urlOf(links, path),
          areaUrl: urlOf(links, PARTICIPANT_AREA_PATH),
        });
      case 'round-closing':
        return renderRoundClosingEmail({
          locale,
          payload: message.payload,
          surveyUrl: (token) => urlOf(links, surveyLinkPath(token)),
          roundUrl: (roundId) => urlOf(links, `/rounds/${encodeURIComponent(roundId)}`),
        });
    }
  };

const REVIEW_KIND = {
  'application-accepted': 'accepted',
  'application-declined': 'declined',
  'application-waitlisted': 'waitlisted',
  'application-carried-over': 'carried-over',
} as const;
