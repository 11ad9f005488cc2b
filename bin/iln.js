#!/usr/bin/env node
// The `iln` command. The sources are TypeScript run through tsx (docs/decisions/0001); the
// project's tsconfig is named explicitly so JSX compiles the same from any working directory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: join(root, 'tsconfig.json') });
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
