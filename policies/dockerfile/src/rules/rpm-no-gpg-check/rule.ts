import { findOption, spanOf } from '../../lib/index.js';
import { type Hit, securityRule } from '../../lib/security-rule.js';

const bad = 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck https://vendor.example/agent.rpm\n';
const MANAGERS = ['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager'];

export default securityRule({
  slug: 'rpm-no-gpg-check',
  title: 'RPM packages installed without signature check',
  description:
    'yum/dnf run with `--nogpgcheck` or `gpgcheck=0`, `rpm` with `--nosignature`/`--nodigest`, or `zypper --no-gpg-checks`: package signatures are not verified.',
  rationale:
    'High: the signature is the only proof a package came from its vendor unmodified; without it a mirror, proxy or man-in-the-middle can inject code that runs as root during installation.',
  remediation:
    'Import the vendor key (`rpm --import https://vendor.example/RPM-GPG-KEY`) and keep `gpgcheck=1`.',
  aliases: ['CKV2_DOCKER_9', 'CKV2_DOCKER_10'],
  references: ['https://man7.org/linux/man-pages/man5/dnf.conf.5.html'],
  command: (c) => {
    const hits: Hit[] = [];
    if (MANAGERS.includes(c.base)) {
      const opt = findOption(c, '', ['nogpgcheck', 'no-gpgchecks']);
      if (opt)
        hits.push({
          at: opt,
          message: `\`${c.base} ${opt.value}\` installs packages without verifying their signature.`,
        });
    }
    if (c.base === 'rpm') {
      const opt = findOption(c, '', ['nosignature', 'nodigest', 'noverify']);
      if (opt) hits.push({ at: opt, message: `\`rpm ${opt.value}\` skips package verification.` });
    }
    if (c.base === 'zypper') {
      const opt = findOption(c, '', ['no-gpg-checks']);
      if (opt)
        hits.push({ at: opt, message: '`zypper --no-gpg-checks` skips package signature verification.' });
    }
    const setting = c.args.find((a) => /(^|[=.\s]|\\n)(repo_)?gpgcheck\s*=\s*(0|false|no)\b/i.test(a.value));
    if (setting && (MANAGERS.includes(c.base) || ['echo', 'printf', 'tee', 'sed'].includes(c.base))) {
      hits.push({ at: setting, message: '`gpgcheck` is turned off for the package repositories.' });
    }
    return hits;
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--nogpgcheck')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM rockylinux:9\nRUN rpm --import https://vendor.example/RPM-GPG-KEY && dnf install -y https://vendor.example/agent.rpm\n',
      },
    ],
  },
});
