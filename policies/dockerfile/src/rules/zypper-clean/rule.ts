import { cacheRule } from '../../lib/cache-rule.js';
import { spanOf } from '../../lib/index.js';
import { isZypper, removes, ZYPPER_INSTALL } from '../../lib/packages.js';

const bad = 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n';

export default cacheRule({
  slug: 'zypper-clean',
  manager: 'zypper',
  title: 'zypper cache not cleaned after install',
  aliases: ['DL3036', 'DS-0020'],
  isInstall: (c) => isZypper(c, ZYPPER_INSTALL),
  isCleaned: (run) =>
    removes(run, /^\/var\/cache\/zypp/) ||
    (run.shell?.commands ?? []).some((c) => isZypper(c, ['clean', 'cc'])),
  cacheDir: /\/var\/cache\/zypp/,
  remediation: 'End the same `RUN` with `&& zypper clean --all`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
      },
    ],
  },
});
