import { cacheRule } from '../../lib/cache-rule.js';
import { appendToRun } from '../../lib/fixes.js';
import { spanOf } from '../../lib/index.js';
import { isApt, removes } from '../../lib/packages.js';

const bad = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n';

export default cacheRule({
  slug: 'apt-lists-cleanup',
  manager: 'apt-get',
  title: 'apt lists not removed after install',
  aliases: ['DL3009'],
  isInstall: (c) => isApt(c, ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']),
  isCleaned: (run) =>
    removes(run, /^\/var\/lib\/apt\/lists/) ||
    (run.shell?.commands ?? []).some((c) => isApt(c, ['dist-clean'])),
  cacheDir: /\/var\/lib\/apt/,
  fix: (run) => appendToRun(run, 'rm -rf /var/lib/apt/lists/*', 'Remove the apt lists in the same RUN'),
  remediation:
    'End the same `RUN` with `&& rm -rf /var/lib/apt/lists/*`, or use `RUN --mount=type=cache,target=/var/lib/apt/lists ...`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      },
    ],
  },
});
