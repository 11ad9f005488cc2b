/**
 * What the matchmaking and match-run benchmarks share: LEMON's harness (prepared by the matching
 * benchmark), child processes that print one JSON line, and the numbers' formatting.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const buildDir = join(repo, 'bench', '.build');
const lemonSource = join(repo, 'bench', 'matching', 'lemon', 'lemon_matching.cpp');
export const lemonBinary = join(buildDir, 'lemon_matching');

export const firstLine = (command: string, args: string[]) =>
  (spawnSync(command, args, { encoding: 'utf8', cwd: repo }).stdout ?? '').split('\n')[0]!.trim();

/**
 * LEMON's harness is the matching benchmark's: that benchmark installs liblemon-dev and g++ from
 * Debian when missing and compiles bench/matching/lemon/lemon_matching.cpp into bench/.build/.
 * When the binary is missing or stale, run it on its smallest instance to do exactly that.
 */
export function ensureLemon(): string | null {
  const stale = !existsSync(lemonBinary) || statSync(lemonBinary).mtimeMs < statSync(lemonSource).mtimeMs;
  if (stale) {
    console.log('preparing LEMON through the matching benchmark …');
    spawnSync(
      process.execPath,
      [
        join(repo, 'bench', 'run.js'),
        'matching',
        '--only',
        'chain_n1000',
        '--solvers',
        'lemon',
        '--no-write',
      ],
      { stdio: 'inherit', cwd: repo },
    );
  }
  if (!existsSync(lemonBinary)) return null;
  return firstLine('dpkg-query', ['-W', 'liblemon-dev']).split('\t')[1] || 'unknown version';
}

export function runChild(
  command: string,
  args: string[],
  timeoutSeconds: number,
): Promise<Record<string, number | boolean> | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err = (err + c.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last));
      else
        resolve({
          error: signal
            ? `killed by ${signal}`
            : `exit ${code}: ${err.trim().split('\n').slice(-2).join(' | ')}`,
        });
    });
  });
}

export const median = (xs: number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
export const fmt = (s: number | undefined) => (s === undefined ? '' : s >= 10 ? s.toFixed(1) : s.toFixed(3));
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join('/');
