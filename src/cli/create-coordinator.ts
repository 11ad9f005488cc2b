import { z } from 'zod';
import { findCountry } from '../core/countries';
import { isDomainError } from '../core/errors';
import { type CliCommand, UsageError } from './command';
import { describeDomainError } from './describe-error';
import { parseArgs } from './parse-args';
import { withContext } from './with-context';

const USAGE = `Usage: iln create-coordinator EMAIL [--country CC]... [--name NAME]

Makes EMAIL a coordinator, creating the person if needed; they can then sign in at /sign-in.
Without --country: a program coordinator (sees every country).
With --country (repeatable, ISO 3166-1 alpha-2 such as AU or KE): a country coordinator of those countries.
Running it again is safe: roles the person already has are kept, not duplicated.

Examples:
  iln create-coordinator lead@example.org --name "Kim Lead"
  iln create-coordinator wanjiru@example.org --country KE --country UG`;

export const createCoordinatorCommand: CliCommand = {
  name: 'create-coordinator',
  summary: 'Make someone a program or country coordinator (creates the person if needed)',
  usage: USAGE,
  run: async (args, io) => {
    const parsed = parseArgs(args, {
      values: { country: { repeatable: true }, name: {} },
      maxPositionals: 1,
    });
    const email = parsed.positionals[0];
    if (!email) throw new UsageError('an EMAIL is required');
    // Checked before the database is opened, so a typo costs nothing.
    if (!z.email().safeParse(email.trim().toLowerCase()).success) {
      io.stderr(`iln create-coordinator: "${email}" is not an email address`);
      return 2;
    }
    const countryCodes = (parsed.values.country ?? []).map((code) => code.trim().toUpperCase());
    const unknown = countryCodes.filter((code) => !findCountry(code));
    if (unknown.length > 0) {
      io.stderr(
        `iln create-coordinator: unknown country code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (use ISO 3166-1 alpha-2 codes such as AU or KE)`,
      );
      return 2;
    }
    const name = parsed.values.name?.[0];
    return withContext(io, async (ctx) => {
      try {
        const result = await ctx.services.people.createCoordinator({
          email,
          name,
          countryCodes,
          actorPersonId: null,
        });
        const { viewer } = result;
        const role = viewer.isProgramCoordinator
          ? 'program coordinator'
          : `country coordinator for ${viewer.coordinatedCountryCodes.join(', ')}`;
        const what = result.isNewPerson
          ? 'Created'
          : result.grantedRoles.length > 0
            ? 'Updated'
            : 'Unchanged (already had these roles):';
        io.stdout(
          `${what} ${viewer.name} <${viewer.email}>, ${role}. Sign in at ${ctx.config.baseUrl}/sign-in`,
        );
        return 0;
      } catch (error) {
        if (isDomainError(error) && error.code === 'VALIDATION') {
          io.stderr(`iln create-coordinator: ${describeDomainError(error)}`);
          return 2;
        }
        throw error;
      }
    });
  },
};
