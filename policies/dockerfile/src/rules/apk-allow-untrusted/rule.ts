import { findOption, spanOf } from '../../lib/index.js';
import { packagesOf } from '../../lib/packages.js';
import { securityRule } from '../../lib/security-rule.js';

const bad =
  'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted --repository https://repo.example/alpine agent\n';

export default securityRule({
  slug: 'apk-allow-untrusted',
  title: 'apk installs unsigned packages',
  description:
    '`apk --allow-untrusted` installs packages whose signature is missing or made with an unknown key.',
  rationale:
    'High: without the signature check any modified package is accepted, and its install scripts run as root in the build.',
  remediation:
    'Sign the package and install the public key into `/etc/apk/keys/`, then drop `--allow-untrusted`.',
  aliases: ['CKV2_DOCKER_7'],
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  command: (c) => {
    if (c.base !== 'apk') return [];
    const opt = findOption(c, '', ['allow-untrusted']);
    // Installing only local files (built in an earlier stage of this build) downloads nothing.
    const pkgs = packagesOf(c);
    const localOnly =
      pkgs.length > 0 && pkgs.every((p) => /^(\/|\.\/)/.test(p.value)) && !findOption(c, 'X', ['repository']);
    return opt && !localOnly
      ? [{ at: opt, message: '`apk --allow-untrusted` skips package signature verification.' }]
      : [];
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--allow-untrusted')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM alpine:3.20\nCOPY agent.rsa.pub /etc/apk/keys/\nRUN apk add --no-cache /tmp/agent.apk\n',
      },
    ],
  },
});
