import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as auth from './0002-auth';
import * as mail from './0003-mail';
import * as applications from './0004-applications';
import * as review from './0005-review';
import * as nameKeys from './0006-name-keys';
import * as duplicateCheck from './0007-duplicate-check';
import * as applicationLocale from './0008-application-locale';
import * as matchmaking from './0010-matchmaking';
import * as applicationPrivateLinks from './0011-application-private-links';
import * as runningMembership from './0012-running-membership';
import * as surveys from './0013-surveys';
import * as topics from './0014-topics';
import * as checkins from './0015-checkins';
import * as reviewReads from './0016-review-reads';
import * as auditTrail from './0019-audit-trail';
import * as decisionUndo from './0020-decision-undo';
import * as privacy from './0022-privacy';

/** Every migration, by name, in order. Listed statically so they run the same under tsx and tests. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-auth': auth,
  '0003-mail': mail,
  '0004-applications': applications,
  '0005-review': review,
  '0006-name-keys': nameKeys,
  '0007-duplicate-check': duplicateCheck,
  '0008-application-locale': applicationLocale,
  '0010-matchmaking': matchmaking,
  '0011-application-private-links': applicationPrivateLinks,
  '0012-running-membership': runningMembership,
  '0013-surveys': surveys,
  '0014-topics': topics,
  '0015-checkins': checkins,
  '0016-review-reads': reviewReads,
  '0019-audit-trail': auditTrail,
  '0020-decision-undo': decisionUndo,
  '0022-privacy': privacy,
};
