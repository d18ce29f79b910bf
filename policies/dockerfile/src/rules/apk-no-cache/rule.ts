import { cacheRule } from '../../lib/cache-rule.js';
import { optionAfter } from '../../lib/fixes.js';
import { hasOption, spanOf } from '../../lib/index.js';
import { isApk, removes } from '../../lib/packages.js';

const bad = 'FROM alpine:3.20\nRUN apk add curl\n';

export default cacheRule({
  slug: 'apk-no-cache',
  manager: 'apk',
  title: 'apk add without --no-cache',
  aliases: ['DL3019', 'DS-0025'],
  // `--no-network` installs from what is already there: nothing is fetched, nothing is cached.
  isInstall: (c) => isApk(c, ['add', 'upgrade']) && !hasOption(c, '', ['no-cache', 'no-network']),
  isCleaned: (run) =>
    removes(run, /^\/var\/cache\/apk/) ||
    (run.shell?.commands ?? []).some((c) => isApk(c, ['cache']) && c.args.some((a) => a.value === 'clean')),
  cacheDir: /\/var\/cache\/apk/,
  fix: (_run, _install, at) => optionAfter(at, '--no-cache', 'Do not keep the apk cache in the layer'),
  remediation:
    'Use `apk add --no-cache <packages>` (no `apk update` needed), or `--mount=type=cache,target=/var/cache/apk`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'add')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
  },
});
