#!/usr/bin/env node
// The `iln` command. It runs the compiled copy of the sources in dist/ (made by scripts/build.js at
// `npm install`, `npm ci` and `npm start`) while bin/load-cli.js finds it up to date, and the
// sources themselves through tsx (ADR 0001) otherwise, so it never runs stale code (ADR 0011).
// ILN_FROM_SOURCE=1 always runs the sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCli } from './load-cli.js';

const { runCli } = await loadCli({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  fromSource: process.env.ILN_FROM_SOURCE === '1',
  // Said on a terminal only: what the command prints to programs stays as it was.
  onSource: (reason) => {
    if (process.stderr.isTTY) {
      process.stderr.write(
        `iln: ${reason}; running the sources through tsx (a slower start). \`npm run build\` compiles them.\n`,
      );
    }
  },
});
process.exitCode = await runCli(process.argv.slice(2));
