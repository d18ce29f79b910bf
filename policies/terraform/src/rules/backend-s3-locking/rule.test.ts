import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'terraform {\n  backend "s3" {\n    bucket         = "s"\n    dynamodb_table = "locks"\n  }\n}\n',
    { name: 'partial config', code: 'terraform {\n  backend "s3" {}\n}\n' },
  ],
  invalid: [
    {
      name: 'the guide example',
      code: 'terraform {\n  backend "s3" {\n    bucket = "my-terraform-state"\n    key    = "prod/eks/terraform.tfstate"\n    region = "ap-northeast-2"\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'use_lockfile = false',
      code: 'terraform {\n  backend "s3" {\n    bucket       = "s"\n    use_lockfile = false\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 25 }],
    },
  ],
});
