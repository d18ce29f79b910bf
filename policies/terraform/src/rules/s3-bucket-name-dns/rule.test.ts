import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'name with an unknown part',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-${data.aws_caller_identity.current.account_id}-logs"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'name from locals with underscores',
      code: 'locals {\n  env = "prod"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "acme_${local.env}_data"\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 36, message: 'underscores' }],
    },
  ],
});
