import { defineRule } from '../model/rule.js';
import { coreDomain } from './core-domain.js';

export const unusedSuppressionRule = defineRule({
  id: 'core/unused-suppression',
  domain: coreDomain,
  meta: {
    title: 'Suppression matches nothing',
    description:
      'A `plumbline:ignore` comment names a rule that reports nothing on the line it covers (or no rule at all).',
    rationale: 'Low: stale ignores are harmless today but hide the next real finding on that line.',
    remediation: 'Delete the comment, or fix the rule id it names.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\n# plumbline:ignore dockerfile/no-latest-tag -- pinned below\nRUN echo ok\nUSER 1000\nHEALTHCHECK CMD true\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 60 }],
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
