import { writeFile } from 'node:fs/promises';
import { isDomainError } from '../core/errors';
import { MATCH_OBJECTIVES, type MatchObjective } from '../core/matchmaking';
import { COMMAND_LINE_OPERATOR } from '../core/people/viewer';
import { getT } from '../i18n';
import { describeUnmatched } from '../i18n/partners';
import { type CliCommand, UsageError } from './command';
import { describeDomainError } from './describe-error';
import { parseArgs } from './parse-args';
import { withContext } from './with-context';

const USAGE = `Usage: iln match --round ROUND [--objective total-fit|fairness-first] [--json] [--export-graph FILE] [--publish]

Runs matching for a round whose applications have closed (its accepted applications, with the
round's settings, locks and exclusions), records the run, and prints a summary. With --publish it
then publishes the run: the partnerships start, every partner is emailed an introduction and the
round is under way (as a program coordinator's "Publish" does on the matching board).
  --round ROUND        the round's id
  --objective NAME     total-fit (default: the largest total fit) or fairness-first (the weakest
                       partnership as strong as it can be, then the total)
  --json               print one JSON object: {"round", "runId", "matched", "unmatched":
                       [{"application", "reason" (in words), "code"}], "partnerships":
                       [{"applications", "fit"}],
                       "totalFit", "solverWeight", "optimal", "seconds"}
  --export-graph FILE  also write the scored graph the two-person stage solved, in the format
                       \`iln solve-matching\` reads, plus "ids": the application id of each vertex
  --publish            publish the run once it is recorded (refused, with the reason, when the
                       round or the run cannot be published); --json then adds "published":
                       {"partnerships", "participants", "emails"}`;

/** `iln match`: a match run from the command line, as a program coordinator would run it. */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'Run matching for a closed round and print the partnerships it proposes',
  usage: USAGE,
  run: async (args, io) => {
    const { values, flags } = parseArgs(args, {
      values: { round: {}, objective: {}, 'export-graph': {} },
      flags: ['json', 'publish'],
      maxPositionals: 0,
    });
    const roundId = values.round?.[0];
    if (!roundId) throw new UsageError('--round is required');
    const objective = (values.objective?.[0] ?? 'total-fit') as MatchObjective;
    if (!MATCH_OBJECTIVES.includes(objective)) {
      throw new UsageError(`--objective must be ${MATCH_OBJECTIVES.join(' or ')}`);
    }
    const graphFile = values['export-graph']?.[0];
    return withContext(io, async (ctx) => {
      try {
        const run = await ctx.services.matching.run({ viewer: COMMAND_LINE_OPERATOR, roundId, objective });
        const { result } = run;
        if (graphFile) {
          const graph = await ctx.services.matching.exportGraph({
            viewer: COMMAND_LINE_OPERATOR,
            roundId,
            runId: run.id,
          });
          await writeFile(
            graphFile,
            `${JSON.stringify({ edges: graph.edges, maxCardinality: false, ids: graph.ids })}\n`,
          );
        }
        const published = flags.has('publish')
          ? await ctx.services.matching.publish({ viewer: COMMAND_LINE_OPERATOR, roundId, runId: run.id })
          : undefined;
        const t = getT('en');
        const matched = result.partnerships.reduce((sum, p) => sum + p.applicationIds.length, 0);
        if (flags.has('json')) {
          io.stdout(
            JSON.stringify({
              round: roundId,
              runId: run.id,
              matched,
              unmatched: result.unmatched.map((u) => ({
                application: u.applicationId,
                reason: describeUnmatched(t, u),
                code: u.code,
              })),
              partnerships: result.partnerships.map((p) => ({ applications: p.applicationIds, fit: p.fit })),
              totalFit: result.totalFit,
              solverWeight: result.solverWeight,
              optimal: result.certificate.pairStage.certified,
              seconds: run.seconds,
              ...(published
                ? {
                    published: {
                      partnerships: published.partnerships,
                      participants: published.participants,
                      emails: published.emails,
                    },
                  }
                : {}),
            }),
          );
        } else {
          const trios = result.partnerships.filter((p) => p.applicationIds.length === 3).length;
          io.stdout(
            [
              `Run ${run.number} of round ${roundId} (${result.objective}): ${result.partnerships.length} partnerships (${trios} of three), ${matched} people matched, ${result.unmatched.length} unmatched.`,
              `Total fit ${result.totalFit}; the two-person stage is ${result.certificate.pairStage.certified ? 'certified optimal' : 'NOT certified'}; ${run.seconds.toFixed(2)} s.`,
              ...result.unmatched.map((u) => `  unmatched ${u.applicationId}: ${describeUnmatched(t, u)}`),
              ...(graphFile ? [`Graph written to ${graphFile}.`] : []),
              ...(published
                ? [
                    `Published: ${published.partnerships} partnerships started, ${published.participants} people introduced (${published.emails} emails queued); the round is under way.`,
                  ]
                : []),
            ].join('\n'),
          );
        }
        return result.certificate.pairStage.certified ? 0 : 1;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        io.stderr(`iln match: ${describeDomainError(error)}`);
        return error.code === 'VALIDATION' ? 2 : 1;
      }
    });
  },
};
