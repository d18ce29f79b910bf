import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

/** Ignore pragmas of Plumbline and the peer scanners whose comments it honours. */
const PRAGMA = /^\s*(hadolint\s+ignore=|plumbline:ignore\b|trivy:ignore:|checkov:skip=)/i;

const bad =
  'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n';

export default defineRule({
  id: 'dockerfile/no-inline-ignore',
  domain: dockerfileDomain,
  meta: {
    title: 'Inline ignore comment',
    description:
      'A comment turns a finding off in the file (`# hadolint ignore=...`, `# plumbline:ignore ...`, `# trivy:ignore:...`, `# checkov:skip=...`).',
    rationale:
      'Info: for teams that want every exception in one reviewed place (`exceptions:` in `.plumbline.yaml`, with an owner and an expiry) rather than scattered through Dockerfiles. Opt-in: inline ignores with a reason are a fine practice elsewhere.',
    remediation: 'Move the exception to `.plumbline.yaml` (`exceptions:`), or fix the finding.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['DL1001'],
    references: ['https://github.com/hadolint/hadolint#inline-ignores'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '# hadolint ignore=DL3008')] }],
      valid: [{ filename: 'Dockerfile', code: '# Tools for the health check\nFROM debian:12-slim\n' }],
    },
  },
  check(model, ctx) {
    for (const c of model.comments) {
      if (!PRAGMA.test(c.text)) continue;
      const at = { file: model.file, start: c.start, end: c.end };
      const container = model.instructions.find((i) => i.loc.start >= c.end) ?? model.instructions.at(-1);
      if (!container) continue;
      report(ctx, at, container, `\`#${c.text.trimEnd()}\` turns findings off inside the Dockerfile.`);
    }
  },
});
