// The layers of src/ and the only directions imports may run (docs/decisions/0012-layers-and-rules.md).
// `npm run lint` and CI run this through scripts/check-architecture.js, which also refuses cycles
// between folders. A rule here has no exceptions: a wrong-way import is a design problem to solve.
const ADAPTERS = 'web|email|jobs|auth|workers';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing of the project outside core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'services-use-core-and-services',
      comment: 'Use cases import core and other use cases or ports only; adapters are passed in.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/', pathNot: '^src/(core|services)/' },
    },
    {
      name: 'db-implements-ports',
      comment: 'db implements the ports of services with the types of core; it knows no adapter.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(core|services|db|config)/' },
    },
    {
      name: 'adapters-never-touch-db',
      comment: 'web, email, jobs and auth go through services; only the composition root knows db.',
      severity: 'error',
      from: { path: `^src/(${ADAPTERS})/` },
      to: { path: '^src/(db|cli|composition)/|^src/main\\.ts$' },
    },
    {
      name: 'adapters-stay-apart',
      comment: 'An adapter imports its own folder, core, services, i18n and config (web may mount auth).',
      severity: 'error',
      from: { path: `^src/(${ADAPTERS})/` },
      to: { path: `^src/(${ADAPTERS})/`, pathNot: ['^src/$1/', '^src/auth/'] },
    },
    {
      name: 'only-web-mounts-auth',
      comment: 'auth is mounted by web; email and jobs do not use it.',
      severity: 'error',
      from: { path: '^src/(email|jobs)/' },
      to: { path: '^src/auth/' },
    },
    {
      name: 'shared-folders-are-leaves',
      comment: 'i18n and config are read by every adapter; they read only core (labels, time zones).',
      severity: 'error',
      from: { path: '^src/(i18n|config)/' },
      to: { path: '^src/', pathNot: '^src/(i18n|config|core)/' },
    },
    {
      name: 'composition-is-the-top',
      comment: 'Only the CLI (through main.ts) reaches the composition root.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|composition)/|^src/main\\.ts$' },
      to: { path: '^src/(cli|composition)/|^src/main\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself again through its imports.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-tests-in-production',
      comment: 'Production code never imports tests or their support.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '\\.test\\.tsx?$|^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$|^src/core/matching/wasm/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
