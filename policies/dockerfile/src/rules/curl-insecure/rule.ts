import { findOption, spanOf } from '../../lib/index.js';
import { securityRule } from '../../lib/security-rule.js';

const bad = 'FROM debian:12-slim\nRUN curl -fsSLk https://example.com/tool -o /usr/local/bin/tool\n';

export default securityRule({
  slug: 'curl-insecure',
  title: 'curl with certificate verification disabled',
  description:
    '`curl -k` / `--insecure` accepts any TLS certificate, so the download can come from anyone on the network path.',
  rationale:
    'High: the build downloads code or data into the image over a connection that a man-in-the-middle (a proxy, a hostile Wi-Fi or CI network, a hijacked DNS) can silently replace. Whatever arrives runs in production.',
  remediation:
    'Remove `-k`; if the server uses a private CA, add the CA (`--cacert /etc/ssl/certs/corp-ca.pem` or update-ca-certificates) instead.',
  aliases: ['CKV2_DOCKER_2'],
  references: ['https://curl.se/docs/manpage.html#-k'],
  command: (c) => {
    if (c.base !== 'curl') return [];
    const opt = findOption(c, 'k', ['insecure']);
    return opt ? [{ at: opt, message: `\`curl ${opt.value}\` disables TLS certificate verification.` }] : [];
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '-fsSLk')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool\n',
      },
    ],
  },
});
