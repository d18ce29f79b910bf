import { findOption, spanOf } from '../../lib/index.js';
import { securityRule } from '../../lib/security-rule.js';

const bad = 'FROM debian:12-slim\nRUN wget --no-check-certificate https://example.com/tool.tgz\n';

export default securityRule({
  slug: 'wget-no-check-certificate',
  title: 'wget with certificate verification disabled',
  description:
    '`wget --no-check-certificate` (or `check_certificate = off` in a wgetrc) accepts any TLS certificate.',
  rationale:
    'High: anyone on the network path of the build can substitute the downloaded file, which then ships in the image.',
  remediation:
    'Remove the option; for a private CA, install it (`--ca-certificate=/path/ca.pem` or the system trust store).',
  aliases: ['CKV2_DOCKER_3'],
  references: ['https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options'],
  command: (c) => {
    if (c.base === 'wget') {
      const opt = findOption(c, '', ['no-check-certificate']);
      if (opt)
        return [{ at: opt, message: '`wget --no-check-certificate` disables TLS certificate verification.' }];
    }
    const rc = c.args.find((a) => /check_certificate\s*=\s*off/i.test(a.value));
    return rc
      ? [{ at: rc, message: '`check_certificate = off` disables TLS certificate verification for wget.' }]
      : [];
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--no-check-certificate')] }],
    valid: [
      { filename: 'Dockerfile', code: 'FROM debian:12-slim\nRUN wget -q https://example.com/tool.tgz\n' },
    ],
  },
});
