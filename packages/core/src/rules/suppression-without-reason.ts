import { defineRule } from '../model/rule.js';
import { coreDomain } from './core-domain.js';

export const suppressionWithoutReasonRule = defineRule({
  id: 'core/suppression-without-reason',
  domain: coreDomain,
  meta: {
    title: 'Suppression without a reason',
    description:
      'A `plumbline:ignore` comment has no `-- reason`, so the next reader cannot tell whether it still holds.',
    rationale: 'Low: the finding is still suppressed; the cost is an undocumented exception to policy.',
    remediation: 'Add the reason after two dashes: `# plumbline:ignore <rule> -- why this is acceptable`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: '# plumbline:ignore dockerfile/no-latest-tag\nFROM vendor/tool:latest\nUSER 1000\nHEALTHCHECK CMD true\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 44 }],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: '# plumbline:ignore dockerfile/no-latest-tag -- vendor image, tag is fixed upstream\nFROM vendor/tool:latest\nUSER 1000\nHEALTHCHECK CMD true\n',
        },
      ],
    },
  },
  check() {},
});
