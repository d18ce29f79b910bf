import { spanOf } from '../../lib/index.js';
import { securityRule } from '../../lib/security-rule.js';

const bad = 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n';

export default securityRule({
  slug: 'tls-verify-disabled-env',
  title: 'Environment variable turns off TLS verification',
  description:
    '`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0` or `GOINSECURE` is set in the image or a build step, turning off certificate checks for Node.js, Python or Go.',
  rationale:
    'High: set with `ENV`, it disables certificate checks for every outgoing HTTPS call of the application in production (API tokens, database credentials and payloads exposed to any interceptor); set in a build step, it lets dependencies be swapped in transit.',
  remediation:
    'Remove the variable; trust private CAs with `NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`/`REQUESTS_CA_BUNDLE`, or the system trust store.',
  aliases: ['CKV2_DOCKER_5', 'CKV2_DOCKER_6'],
  references: [
    'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue',
    'https://peps.python.org/pep-0493/',
  ],
  variable: (name, value) => {
    if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && value.trim() === '0')
      return '`NODE_TLS_REJECT_UNAUTHORIZED=0` turns off TLS verification for Node.js.';
    if (name === 'PYTHONHTTPSVERIFY' && value.trim() === '0')
      return '`PYTHONHTTPSVERIFY=0` turns off TLS verification for Python.';
    if (name === 'GOINSECURE' && value.trim() !== '')
      return '`GOINSECURE` lets Go fetch these modules without TLS verification.';
    return undefined;
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'NODE_TLS_REJECT_UNAUTHORIZED=0')] }],
    valid: [
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem\n' },
    ],
  },
});
