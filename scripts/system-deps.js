// Finds the system programs the tests need (Chromium, PostgreSQL) and installs them with apt-get
// when running as root; otherwise stops with the exact command to run. Never skips silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const findPostgresBin = () => {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${base}/${versions[0]}/bin` : undefined;
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export const ensureSystemPackages = ({ chromium = true, postgres = true } = {}) => {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (postgres && !findPostgresBin()) missing.push('postgresql');
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) {
    console.error(`The tests need ${missing.join(' and ')}. Install with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get could not install ${missing.join(' ')}; run: ${command}`);
    process.exit(1);
  }
};
