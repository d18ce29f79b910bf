import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "internet" {}\nresource "aws_sagemaker_notebook_instance" "n" {\n  direct_internet_access = var.internet\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly enabled',
      code: 'resource "aws_sagemaker_notebook_instance" "n" {\n  direct_internet_access = "Enabled"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 37 }],
    },
  ],
});
