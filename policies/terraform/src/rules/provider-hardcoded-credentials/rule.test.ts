import { RuleTester, runRule } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'variable "key" {\n  sensitive = true\n}\nprovider "aws" {\n  access_key = var.key\n}\n',
    { name: 'profile is not a secret', code: 'provider "aws" {\n  profile = "prod"\n}\n' },
  ],
  invalid: [
    {
      name: 'token from a variable default',
      code: 'variable "gh" {\n  default = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n}\nprovider "github" {\n  token = var.gh\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 17, message: 'ghp_' }],
    },
  ],
});

it('never prints the secret', async () => {
  const result = await runRule(rule, [hclLanguage], {
    'main.tf': 'provider "aws" {\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n',
  });
  expect(result.findings).toHaveLength(1);
  expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI/K7MDENG');
});
