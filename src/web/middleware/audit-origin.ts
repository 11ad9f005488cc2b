import { createMiddleware } from 'hono/factory';
import { runWithAuditOrigin } from '../../services/audit/audit-origin';
import { clientIpAddress } from '../client-address';
import type { AppEnv } from '../env';

/**
 * Runs the rest of the request as coming from the web, so every audit entry it writes says so;
 * for a signed-in person it also records their client address (TRUST_PROXY decides whether a
 * proxy's word is taken). Anonymous requests (applicants) keep no address in the trail: the
 * trail is for who did what, and an applicant's address is not needed for that.
 */
export const auditOrigin = () =>
  createMiddleware<AppEnv>((c, next) =>
    runWithAuditOrigin({ channel: 'web', clientAddress: c.get('viewer') ? clientIpAddress(c) : null }, () =>
      next(),
    ),
  );
