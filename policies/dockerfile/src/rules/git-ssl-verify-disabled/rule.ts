import { spanOf } from '../../lib/index.js';
import { securityRule } from '../../lib/security-rule.js';

const bad = 'FROM alpine:3.20\nRUN git -c http.sslVerify=false clone https://git.example.com/app.git\n';
const OFF = /^(false|0|no|off)$/i;

export default securityRule({
  slug: 'git-ssl-verify-disabled',
  title: 'git with TLS verification disabled',
  description:
    '`http.sslVerify` is set to false (`git -c`, `git config`) or `GIT_SSL_NO_VERIFY` is set, so git accepts any server certificate.',
  rationale:
    'High: the cloned source, which is built into the image, can be replaced by anyone on the network path. `GIT_SSL_NO_VERIFY` counts whatever its value: git only checks that it is set, so `GIT_SSL_NO_VERIFY=0` written to mean "verify" turns verification off.',
  remediation:
    'Remove the setting; trust a private CA with `git config --global http.sslCAInfo /path/ca.pem`.',
  aliases: ['CKV2_DOCKER_14'],
  references: ['https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify'],
  command: (c) => {
    if (c.base !== 'git') return [];
    const values = c.args.map((a) => a.value);
    const i = values.findIndex((v, k) => {
      const m = v.match(/^http\.(?:.+\.)?sslverify(?:=(.*))?$/i);
      if (!m) return false;
      return m[1] !== undefined ? OFF.test(m[1]) : OFF.test(values[k + 1] ?? '');
    });
    return i >= 0 ? [{ at: c.args[i]!, message: '`http.sslVerify` is turned off for git.' }] : [];
  },
  // git tests whether the variable exists, not its value: `GIT_SSL_NO_VERIFY=0` (or `false`, or
  // empty) turns verification off just the same.
  variable: (name, value) =>
    name !== 'GIT_SSL_NO_VERIFY'
      ? undefined
      : /^(false|0|no|off)?$/i.test(value)
        ? `\`GIT_SSL_NO_VERIFY=${value}\` still turns off TLS verification for git: git checks only that the variable is set, whatever its value.`
        : '`GIT_SSL_NO_VERIFY` turns off TLS verification for git.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'http.sslVerify=false')] }],
    valid: [
      { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN git clone https://git.example.com/app.git\n' },
    ],
  },
});
