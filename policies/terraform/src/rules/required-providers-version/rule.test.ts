import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'legacy string form is a version',
      code: 'terraform {\n  required_providers {\n    aws = "~> 3.0"\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'one of two unpinned',
      code: 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = ">= 5.0" }\n    random = { source = "hashicorp/random" }\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 45, message: '`random`' }],
    },
  ],
});
