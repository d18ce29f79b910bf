import { spanOf } from '../../lib/index.js';
import { isRpm, packagesOf } from '../../lib/packages.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';
import { rpmPinned } from '../../lib/rpm-version.js';

const bad = 'FROM rockylinux:9\nRUN dnf install -y httpd mod_ssl && dnf clean all\n';

export default pinRule({
  slug: 'pin-rpm-versions',
  manager: 'yum or dnf',
  aliases: ['DL3033', 'DL3041'],
  example: 'dnf install -y httpd',
  // Groups (`@core`), provides (`dnf-command(config-manager)`) and local files name no package version.
  unpinned: (c) =>
    isRpm(c, ['install', 'in'])
      ? packagesOf(c).filter((w) => !rpmPinned(w.value) && !isLocal(w) && !/^@|[()*]/.test(w.value))
      : [],
  remediation:
    'Name the version: `dnf install -y httpd-2.4.62-1.el9` (name-version or name-version-release), or pin the repository snapshot.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'httpd mod_ssl')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM rockylinux:9\nRUN dnf install -y httpd-2.4.62-1.el9 mod_ssl-1:2.4.62-1.el9 && dnf clean all\n',
      },
    ],
  },
});
