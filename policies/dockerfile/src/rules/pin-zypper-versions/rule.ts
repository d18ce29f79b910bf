import { findOption, spanOf } from '../../lib/index.js';
import { isZypper, packagesOf } from '../../lib/packages.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';
import { rpmPinned } from '../../lib/rpm-version.js';

const bad = 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all\n';

export default pinRule({
  slug: 'pin-zypper-versions',
  manager: 'zypper',
  aliases: ['DL3037'],
  example: 'zypper install -y curl',
  // Patterns, products and patches (`-t pattern`, `pattern:devel_basis`) have no package version.
  unpinned: (c) =>
    isZypper(c, ['install', 'in']) && !findOption(c, 't', ['type'])
      ? packagesOf(c).filter(
          (w) => !/[=<>]/.test(w.value) && !rpmPinned(w.value) && !isLocal(w) && !/[:()*]/.test(w.value),
        )
      : [],
  remediation: 'Name the version: `zypper install -y curl=8.6.0` (or `curl>=8.6`).',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'curl')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 "git-core>=2.43" && zypper clean --all\n',
      },
    ],
  },
});
