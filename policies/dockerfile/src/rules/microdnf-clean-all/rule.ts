import { cacheRule } from '../../lib/cache-rule.js';
import { spanOf } from '../../lib/index.js';
import { isRpm, RPM_INSTALL, removes } from '../../lib/packages.js';

const bad = 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd\n';

export default cacheRule({
  slug: 'microdnf-clean-all',
  manager: 'microdnf',
  title: 'microdnf cache not cleaned after install',
  aliases: ['DS-0027'],
  isInstall: (c) => isRpm(c, RPM_INSTALL, ['microdnf']),
  isCleaned: (run) =>
    removes(run, /^\/var\/cache\/(yum|dnf|microdnf|libdnf5?)/) ||
    (run.shell?.commands ?? []).some(
      (c) => isRpm(c, ['clean'], ['microdnf']) && c.args.some((a) => a.value === 'all'),
    ),
  cacheDir: /\/var\/cache\/(yum|dnf|microdnf|libdnf5?)/,
  remediation:
    'End the same `RUN` with `&& microdnf clean all`, or mount the cache (`--mount=type=cache,target=/var/cache/microdnf`).',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd && microdnf clean all\n',
      },
    ],
  },
});
