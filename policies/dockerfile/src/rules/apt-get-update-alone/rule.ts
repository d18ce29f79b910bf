import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';
import { isApk, isApt } from '../../lib/packages.js';

const bad = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n';

export default defineRule({
  id: 'dockerfile/apt-get-update-alone',
  domain: dockerfileDomain,
  meta: {
    title: 'Package index updated in a RUN of its own',
    description:
      '`apt-get update` (or `apk update`) runs in a `RUN` that installs nothing; the install happens in a later `RUN`.',
    rationale:
      'Medium: the update layer is cached, so later builds reuse a stale package index while the install layer changes — they install old, possibly vulnerable versions, or fail when the mirror has dropped them. It silently defeats security updates on rebuild.',
    remediation:
      'Update and install in the same `RUN`: `RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DS-0017', 'CKV_DOCKER_5'],
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'apt-get update')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'RUN')) {
      const cmds = instruction.shell?.commands ?? [];
      const aptUpdate = cmds.find((c) => isApt(c, ['update']));
      if (
        aptUpdate &&
        !cmds.some((c) =>
          isApt(c, ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'satisfy']),
        )
      ) {
        report(
          ctx,
          aptUpdate,
          container,
          '`apt-get update` runs without an install in the same `RUN`: later installs use a stale cached index.',
        );
      }
      const apkUpdate = cmds.find((c) => isApk(c, ['update']));
      if (apkUpdate && !cmds.some((c) => isApk(c, ['add', 'upgrade', 'fix']))) {
        report(
          ctx,
          apkUpdate,
          container,
          '`apk update` runs without an install in the same `RUN`: use `apk add --no-cache` instead.',
        );
      }
    }
  },
});
