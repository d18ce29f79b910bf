import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

const bad = 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n';

export default defineRule({
  id: 'dockerfile/no-apt',
  domain: dockerfileDomain,
  meta: {
    title: 'apt used instead of apt-get',
    description: 'A `RUN` calls `apt`, the interactive front end, rather than `apt-get`/`apt-cache`.',
    rationale:
      'Low: `apt` has no stable command-line interface (it warns so on every call) and its output and defaults change between releases, which makes builds brittle. A reliability issue only.',
    remediation: 'Use `apt-get` (and `apt-cache` for queries) in scripts and Dockerfiles.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3027', 'CKV_DOCKER_9'],
    references: ['https://manpages.debian.org/apt.8'],
    examples: {
      invalid: [
        { filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'apt', 1), spanOf(bad, 'apt', 2)] },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (command.base === 'apt')
        report(ctx, command.nameWord, container, '`apt` is meant for people; use `apt-get` in a Dockerfile.');
    }
  },
});
