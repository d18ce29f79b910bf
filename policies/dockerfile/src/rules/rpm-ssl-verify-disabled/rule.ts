import { spanOf } from '../../lib/index.js';
import { printsInto, securityRule } from '../../lib/security-rule.js';

const bad = 'FROM rockylinux:9\nRUN dnf install -y --setopt=sslverify=false httpd\n';

const REPO_CONFIG = /\.repo$|(yum|dnf|zypp)\.conf$|\/yum\.repos\.d\//;

export default securityRule({
  slug: 'rpm-ssl-verify-disabled',
  title: 'yum or dnf with TLS verification disabled',
  description:
    '`sslverify` is set to false for yum/dnf (`--setopt=sslverify=0` or `sslverify=0` written into a repo file).',
  rationale:
    'High: repository metadata and packages can be tampered with in transit; combined with a missing GPG check it is arbitrary code as root.',
  remediation: 'Remove the setting; install the repository CA (`sslcacert=`) instead.',
  aliases: ['CKV2_DOCKER_15'],
  references: ['https://man7.org/linux/man-pages/man5/dnf.conf.5.html'],
  command: (c) => {
    const arg = c.args.find((a) => /(^|[=.])sslverify\s*=\s*(0|false|no|off)\b/i.test(a.value));
    if (!arg) return [];
    const isManager = ['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager', 'dnf-config-manager'].includes(
      c.base,
    );
    // Printed text configures nothing unless it is written into a repository or manager config file.
    const printed = ['echo', 'printf'].includes(c.base) && printsInto(c, REPO_CONFIG);
    return isManager || printed || ['sed', 'tee'].includes(c.base)
      ? [{ at: arg, message: '`sslverify` is turned off for the package repositories.' }]
      : [];
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--setopt=sslverify=false')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM rockylinux:9\nRUN dnf install -y httpd\n' }],
  },
});
