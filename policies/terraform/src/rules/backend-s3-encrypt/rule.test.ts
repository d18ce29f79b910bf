import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'terraform {\n  backend "s3" {\n    bucket  = "state"\n    key     = "k"\n    encrypt = true\n  }\n}\n',
    { name: 'partial configuration (backend-config at init)', code: 'terraform {\n  backend "s3" {}\n}\n' },
    { name: 'other backend', code: 'terraform {\n  backend "gcs" {\n    bucket = "state"\n  }\n}\n' },
    { name: 'no backend', code: 'terraform {\n  required_version = ">= 1.6"\n}\n' },
  ],
  invalid: [
    {
      name: 'missing encrypt (the guide example)',
      code: 'terraform {\n  backend "s3" {\n    bucket = "my-terraform-state"\n    key    = "prod/eks/terraform.tfstate"\n    region = "ap-northeast-2"\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 15, message: 'does not set `encrypt = true`' }],
    },
    {
      name: 'encrypt = false',
      code: 'terraform {\n  backend "s3" {\n    bucket  = "state"\n    encrypt = false\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 20, message: '`encrypt = false`' }],
    },
    {
      name: 'encrypt = "false" string',
      code: 'terraform {\n  backend "s3" {\n    bucket  = "state"\n    encrypt = "false"\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 22 }],
    },
  ],
});
