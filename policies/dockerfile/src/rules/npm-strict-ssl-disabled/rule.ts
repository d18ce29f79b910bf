import { spanOf } from '../../lib/index.js';
import { type Hit, printsInto, securityRule } from '../../lib/security-rule.js';

const NPM_CONFIG = /(^|\/)\.?(npmrc|yarnrc(\.yml)?)$/;

const bad = 'FROM node:20-slim\nRUN npm config set strict-ssl false && npm ci\n';

export default securityRule({
  slug: 'npm-strict-ssl-disabled',
  title: 'npm or yarn with strict-ssl disabled',
  description:
    '`strict-ssl` is set to `false` for npm or yarn (`config set`, `--strict-ssl=false`, `.npmrc`, or `NPM_CONFIG_STRICT_SSL`), so registry certificates are not verified.',
  rationale:
    'High: packages and their install scripts, which run during the build, can be swapped by anyone on the network path. Private registries need their CA (`cafile`), not verification turned off.',
  remediation:
    'Remove the setting; point npm at the corporate CA with `npm config set cafile /path/ca.pem` or `NODE_EXTRA_CA_CERTS`.',
  aliases: ['CKV2_DOCKER_12', 'CKV2_DOCKER_13'],
  references: ['https://docs.npmjs.com/cli/using-npm/config#strict-ssl'],
  command: (c) => {
    const hits: Hit[] = [];
    const values = c.args.map((a) => a.value);
    if (['npm', 'yarn', 'pnpm'].includes(c.base)) {
      const i = values.findIndex((v) => v === 'strict-ssl' || v === 'enableStrictSsl');
      if (i >= 0 && /^(false|0)$/.test(values[i + 1] ?? ''))
        hits.push({ at: c.args[i]!, message: `\`${c.base}\` is told not to verify registry certificates.` });
    }
    // Printed text configures nothing unless it is written into an npm/yarn config file.
    if (['echo', 'printf'].includes(c.base) && !printsInto(c, NPM_CONFIG)) return hits;
    for (const a of c.args) {
      if (/^(--)?strict-ssl\s*=\s*false$/i.test(a.value))
        hits.push({ at: a, message: '`strict-ssl=false` turns off registry certificate verification.' });
    }
    return hits;
  },
  variable: (name, value) =>
    /^(npm_config_strict_ssl|yarn_strict_ssl|YARN_ENABLE_STRICT_SSL)$/i.test(name) &&
    /^(false|0)$/i.test(value)
      ? `\`${name}=${value}\` turns off registry certificate verification.`
      : undefined,
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'strict-ssl')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM node:20-slim\nRUN npm config set cafile /etc/ssl/corp-ca.pem && npm ci\n',
      },
    ],
  },
});
