import { findOption, spanOf } from '../../lib/index.js';
import { asPip } from '../../lib/packages.js';
import { securityRule } from '../../lib/security-rule.js';

const bad =
  'FROM python:3.12-slim\nRUN pip install --no-cache-dir --trusted-host pypi.internal -r requirements.txt\n';

export default securityRule({
  slug: 'pip-trusted-host',
  title: 'pip trusts a host without TLS verification',
  description:
    '`--trusted-host`, `PIP_TRUSTED_HOST` or `pip config set global.trusted-host` lets pip download from that host over plain HTTP or with an invalid certificate.',
  rationale:
    'High: packages from that index can be replaced in transit, and pip runs their install hooks as root during the build. A private index needs its CA installed, not verification turned off.',
  remediation:
    'Serve the index over HTTPS with a trusted certificate and pass the CA with `--cert /path/ca.pem` (or `PIP_CERT`); drop `--trusted-host`.',
  aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_16'],
  references: ['https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-trusted-host'],
  command: (c) => {
    const pip = asPip(c);
    if (!pip) return [];
    const opt = findOption(pip, '', ['trusted-host']);
    if (opt) return [{ at: opt, message: '`pip --trusted-host` turns off TLS verification for that index.' }];
    const key = pip.args.find((a) => /^(global|install)\.trusted-host$/.test(a.value));
    return key
      ? [{ at: key, message: '`pip config` sets a trusted host: TLS verification is off for it.' }]
      : [];
  },
  variable: (name) =>
    name.toUpperCase() === 'PIP_TRUSTED_HOST'
      ? '`PIP_TRUSTED_HOST` turns off TLS verification for pip.'
      : undefined,
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--trusted-host')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --cert /etc/ssl/corp-ca.pem -r requirements.txt\n',
      },
    ],
  },
});
