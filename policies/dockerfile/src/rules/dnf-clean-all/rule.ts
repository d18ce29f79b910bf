import { cacheRule } from '../../lib/cache-rule.js';
import { spanOf } from '../../lib/index.js';
import { isRpm, RPM_INSTALL, removes } from '../../lib/packages.js';

const bad = 'FROM fedora:40\nRUN dnf install -y httpd\n';

export default cacheRule({
  slug: 'dnf-clean-all',
  manager: 'dnf',
  title: 'dnf cache not cleaned after install',
  aliases: ['DL3040', 'DS-0019'],
  isInstall: (c) => isRpm(c, RPM_INSTALL, ['dnf']),
  isCleaned: (run) =>
    removes(run, /^\/var\/cache\/(dnf|libdnf5?)/) ||
    (run.shell?.commands ?? []).some(
      (c) => isRpm(c, ['clean'], ['dnf']) && c.args.some((a) => a.value === 'all'),
    ),
  cacheDir: /\/var\/cache\/(dnf|libdnf5?)/,
  remediation:
    'End the same `RUN` with `&& dnf clean all`, or mount the cache (`--mount=type=cache,target=/var/cache/dnf`).',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n' }],
  },
});
