import { defineRule } from '../model/rule.js';
import { coreDomain } from './core-domain.js';

export const parseErrorRule = defineRule({
  id: 'core/parse-error',
  domain: coreDomain,
  meta: {
    title: 'File could not be parsed',
    description:
      'A Dockerfile, manifest, workflow or Terraform file has a syntax error, so none of its rules ran.',
    rationale:
      'Medium: a file that cannot be parsed is a file nobody checked, and the tools that deploy it will usually reject it too.',
    remediation:
      'Fix the syntax error at the reported position (or exclude generated/template files with `ignore`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'k8s/broken.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n data: x\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 2 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/fine.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  x: y\n',
        },
      ],
    },
  },
  check() {},
});
