import { isDomainError } from '../core/errors';
import type { CliCommand } from './command';
import { describeDomainError } from './describe-error';
import { parseArgs, parseIntegerOption } from './parse-args';
import { withContext } from './with-context';

export const DEFAULT_DEMO_APPLICANTS = 400;
export const DEFAULT_DEMO_SEED = 2026;

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary:
    'Create a demo program: rounds open, closed and under way with synthetic people, demo coordinators',
  usage: [
    'Usage: iln seed-demo [--applicants N] [--seed S]',
    '',
    `  --applicants N  applicants in each demo round (default ${DEFAULT_DEMO_APPLICANTS}, 2 to 100000)`,
    `  --seed S        seed of the synthetic pool (default ${DEFAULT_DEMO_SEED}); the same seed gives the same people`,
    '',
    'Never runs with NODE_ENV=production.',
  ].join('\n'),
  run: async (args, io) => {
    const { values } = parseArgs(args, { values: { applicants: {}, seed: {} }, maxPositionals: 0 });
    const applicants = parseIntegerOption(
      values.applicants?.[0] ?? String(DEFAULT_DEMO_APPLICANTS),
      'applicants',
      2,
      100_000,
    );
    const seed = parseIntegerOption(values.seed?.[0] ?? String(DEFAULT_DEMO_SEED), 'seed', 0, 2 ** 31 - 1);
    return withContext(io, async (ctx) => {
      try {
        const result = await ctx.services.program.seedDemo({
          applicants,
          seed,
          isProduction: ctx.config.isProduction,
        });
        io.stdout(
          [
            `Open round ${result.openRound.id}: ${result.openRound.applications} applications from ${result.openRound.countries} countries (${result.openRound.overQuota} over the country quota: they go to the waitlist when applications close).`,
            `Closed round ${result.closedRound.id}: ${result.closedRound.applications} accepted applicants, ready to be matched.`,
            `Round under way ${result.runningRound.id}: ${result.runningRound.participants} participants in ${result.runningRound.partnerships} partnerships, introduced by email; ${result.runningRound.topics} topics, this fortnight's due now (\`iln run-due\` or the server's worker sends it to everyone); ${result.runningRound.checkIns} check-ins; a mid-round survey answered by ${result.runningRound.survey.answered} of ${result.runningRound.survey.invited}.`,
            `Participants sign in the same way, e.g. ${result.participantEmails.join(' or ')}.`,
            `Sign in as ${result.coordinatorEmail} (program coordinator) or ${result.countryCoordinatorEmail} (country coordinator, ${result.countryCoordinatorCountry}); links appear in the outbox.`,
          ].join('\n'),
        );
        return 0;
      } catch (error) {
        if (isDomainError(error)) {
          io.stderr(`iln seed-demo: ${describeDomainError(error)}`);
          return error.code === 'VALIDATION' ? 2 : 1;
        }
        throw error;
      }
    });
  },
};
