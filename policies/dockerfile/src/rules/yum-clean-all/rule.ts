import { cacheRule } from '../../lib/cache-rule.js';
import { spanOf } from '../../lib/index.js';
import { isRpm, RPM_INSTALL, removes } from '../../lib/packages.js';

const bad = 'FROM centos:7\nRUN yum install -y httpd\n';

export default cacheRule({
  slug: 'yum-clean-all',
  manager: 'yum',
  title: 'yum cache not cleaned after install',
  aliases: ['DL3032', 'DS-0015'],
  isInstall: (c) => isRpm(c, RPM_INSTALL, ['yum']),
  isCleaned: (run) =>
    removes(run, /^\/var\/cache\/(yum)/) ||
    (run.shell?.commands ?? []).some(
      (c) => isRpm(c, ['clean'], ['yum']) && c.args.some((a) => a.value === 'all'),
    ),
  cacheDir: /\/var\/cache\/(yum)/,
  remediation:
    'End the same `RUN` with `&& yum clean all`, or mount the cache (`--mount=type=cache,target=/var/cache/yum`).',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' }],
  },
});
