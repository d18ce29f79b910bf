import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports git "vim" ./local.deb $EXTRA\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM debian:12\nRUN apt-get install -y git=1:2.39.2-1.1 && apt-get update\n'],
  invalid: [
    // A fragment without FROM (a template a generator completes) is checked instruction by instruction.
    {
      filename: 'docker/Dockerfile.in',
      code: 'RUN apt-get update && apt-get install -y --no-install-recommends jq\n',
      errors: [{ line: 1, column: 66, endLine: 1, endColumn: 68 }],
    },
    {
      code: bad,
      errors: [across(bad, 'git', '"vim"', '`git` and `vim` are installed without a pinned version.')],
    },
  ],
});
