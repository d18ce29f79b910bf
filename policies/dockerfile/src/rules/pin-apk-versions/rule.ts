import { findOption, spanOf } from '../../lib/index.js';
import { isApk, packagesOf } from '../../lib/packages.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';

const bad = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';

export default pinRule({
  slug: 'pin-apk-versions',
  manager: 'apk',
  aliases: ['DL3018'],
  example: 'apk add curl',
  // Packages added to a `--virtual` group are temporary build dependencies (deleted with
  // `apk del .build-deps` in the same RUN): pinning them buys nothing.
  unpinned: (c) =>
    isApk(c, ['add']) && !findOption(c, 't', ['virtual'])
      ? packagesOf(c).filter((w) => !/[=<>~]/.test(w.value) && !isLocal(w) && !w.value.startsWith('.'))
      : [],
  remediation: 'Pin each package: `apk add --no-cache curl=8.9.1-r0` (or a range such as `curl~8.9`).',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'curl')] }],
    valid: [
      { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git~2.45\n' },
    ],
  },
});
