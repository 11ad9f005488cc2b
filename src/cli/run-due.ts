import { runDueJobs } from '../jobs';
import type { CliCommand } from './command';
import { parseArgs } from './parse-args';
import { withContext } from './with-context';

/**
 * `iln run-due`: every scheduled job once, until nothing more is due now, then exit. For hosts that
 * prefer cron to a long-running worker (`* * * * * iln run-due`); `iln serve` runs the same jobs on
 * its own. Running it beside `serve`, or twice at once, is safe: each job's handler is idempotent
 * and claims its work (mail by lease, rounds by a conditional move).
 */
export const runDueCommand: CliCommand = {
  name: 'run-due',
  summary:
    'Do whatever scheduled work is due now (send topics and mail, move rounds, flag duplicates), then exit',
  usage: [
    'Usage: iln run-due [--job NAME]',
    '',
    'Runs each scheduled job until nothing more is due, prints what it did, and exits.',
    '  --job NAME  only this job (topic-delivery, mail-delivery, round-schedule, duplicate-check,',
    '              survey-delivery, check-in-prompts, silent-partner-check, round-closing)',
  ].join('\n'),
  run: async (args, io) => {
    const { values } = parseArgs(args, { values: { job: {} }, maxPositionals: 0 });
    const only = values.job?.[0];
    return withContext(io, async (ctx) => {
      const jobs = ctx.jobs().filter((job) => only === undefined || job.name === only);
      if (jobs.length === 0) {
        io.stderr(
          `iln run-due: there is no job "${only}" (${ctx
            .jobs()
            .map((job) => job.name)
            .join(', ')})`,
        );
        return 2;
      }
      const handled = await runDueJobs(jobs);
      io.stdout(
        Object.entries(handled)
          .map(([name, count]) => `${name}: ${count}`)
          .join('\n'),
      );
      return 0;
    });
  },
};
