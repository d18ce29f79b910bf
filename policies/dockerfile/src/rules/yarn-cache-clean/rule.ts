import { cacheRule } from '../../lib/cache-rule.js';
import { spanOf } from '../../lib/index.js';
import { removes } from '../../lib/packages.js';

const bad = 'FROM node:20-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n';

export default cacheRule({
  slug: 'yarn-cache-clean',
  manager: 'yarn',
  title: 'yarn cache not cleaned after install',
  aliases: ['DL3060'],
  // Bare `yarn` installs; `yarn --version` (the official node images' smoke test) does not.
  isInstall: (c) =>
    c.base === 'yarn' &&
    !c.args.some((a) => /^(--version|-v|--help|-h)$/.test(a.value)) &&
    ['', 'install', 'add'].includes(c.args.find((a) => !a.value.startsWith('-'))?.value ?? ''),
  isCleaned: (run) =>
    removes(run, /yarn/) ||
    (run.shell?.commands ?? []).some(
      (c) => c.base === 'yarn' && c.args[0]?.value === 'cache' && c.args[1]?.value === 'clean',
    ),
  cacheDir: /yarn/,
  remediation:
    'End the same `RUN` with `&& yarn cache clean`, or mount the cache: `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM node:20-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
      },
    ],
  },
});
