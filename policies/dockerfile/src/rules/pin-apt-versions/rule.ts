import { spanOf } from '../../lib/index.js';
import { aptSimulates, isApt, packagesOf } from '../../lib/packages.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';

const bad =
  'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates=20230311\n';

export default pinRule({
  slug: 'pin-apt-versions',
  manager: 'apt-get',
  aliases: ['DL3008'],
  example: 'apt-get install curl',
  unpinned: (c) =>
    isApt(c, ['install']) && !aptSimulates(c)
      ? packagesOf(c).filter((w) => !w.value.includes('=') && !isLocal(w) && !w.value.includes('/'))
      : [],
  remediation:
    'Pin each package: `apt-get install -y curl=7.88.1-10+deb12u5` (see `apt-cache policy curl`), and bump versions with your dependency bot.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'curl')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
      },
    ],
  },
});
