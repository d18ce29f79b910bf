import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "enc" {}\nresource "aws_elasticsearch_domain" "d" {\n  encrypt_at_rest {\n    enabled = var.enc\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'legacy Elasticsearch domain with encryption off',
      code: 'resource "aws_elasticsearch_domain" "d" {\n  domain_name = "d"\n  encrypt_at_rest {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 20 }],
    },
  ],
});
