import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = false\n  }\n}\n',
    {
      name: 'unknown',
      code: 'variable "p" {}\nresource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = var.p\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicit true',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = true\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 34 }],
    },
  ],
});
