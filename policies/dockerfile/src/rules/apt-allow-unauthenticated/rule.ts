import { findOption, spanOf } from '../../lib/index.js';
import { type Hit, securityRule } from '../../lib/security-rule.js';

const bad =
  'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated vendor-agent\n';

export default securityRule({
  slug: 'apt-allow-unauthenticated',
  title: 'apt installs unsigned packages',
  description:
    'apt is told to accept packages or repositories it cannot authenticate: `--allow-unauthenticated`, `--force-yes`, `--allow-insecure-repositories`, `AllowUnauthenticated`, or a `[trusted=yes]` source.',
  rationale:
    'High: package signatures are what stops a mirror, proxy or man-in-the-middle from handing apt a modified package, whose maintainer scripts then run as root in the build. Turning the check off removes the only integrity control.',
  remediation:
    'Import the repository’s signing key (`/etc/apt/keyrings/vendor.gpg` with `signed-by=`) and drop the option.',
  aliases: ['CKV2_DOCKER_8', 'CKV2_DOCKER_11'],
  references: ['https://wiki.debian.org/SecureApt'],
  command: (c) => {
    const hits: Hit[] = [];
    if (c.base === 'apt-get' || c.base === 'apt') {
      const opt = findOption(c, '', [
        'allow-unauthenticated',
        'force-yes',
        'allow-insecure-repositories',
        'allow-downgrades-unauthenticated',
      ]);
      if (opt)
        hits.push({
          at: opt,
          message: `\`${c.base} ${opt.value}\` installs packages whose signature was not verified.`,
        });
      const o = c.args.find((a) =>
        /(AllowUnauthenticated|AllowInsecureRepositories|Force-Yes)\s*=\s*"?(1|true|yes)/i.test(a.value),
      );
      if (o) hits.push({ at: o, message: `\`${o.value}\` turns off apt signature checks.` });
    }
    // A `file:` repository of packages built in the same build involves no download to tamper with.
    const trusted = c.args.find(
      (a) => /\[[^\]]*trusted=yes[^\]]*\]/.test(a.value) && !/\]\s*(file|copy):/.test(a.value),
    );
    if (trusted && ['echo', 'printf', 'tee', 'sh', 'bash'].includes(c.base)) {
      hits.push({ at: trusted, message: 'An apt source marked `[trusted=yes]` is never authenticated.' });
    }
    return hits;
  },
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--allow-unauthenticated')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM debian:12-slim\nRUN echo "deb [signed-by=/etc/apt/keyrings/vendor.gpg] https://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list\n',
      },
    ],
  },
});
