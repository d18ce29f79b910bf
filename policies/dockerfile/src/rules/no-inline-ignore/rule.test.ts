import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `# hadolint global ignore=DL3059
FROM python:3.12-slim
# plumbline:ignore DL3013 -- pinned by constraints.txt
RUN pip install --no-cache-dir -c constraints.txt flask
RUN echo ok # trivy:ignore:AVD-DS-0002
`;

tester.run(rule, {
  valid: [HARDENED, '# Build the wheel first\nFROM python:3.12-slim\n# ignore the cache here\nRUN echo ok\n'],
  invalid: [
    {
      code: bad,
      errors: [at(bad, '# plumbline:ignore DL3013 -- pinned by constraints.txt')],
    },
  ],
});
