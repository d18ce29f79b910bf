import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = false\n  }\n}\n',
    {
      name: 'unknown cidrs',
      code: 'variable "c" {}\nresource "aws_eks_cluster" "c" {\n  vpc_config {\n    public_access_cidrs = var.c\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'default public, no cidrs',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    subnet_ids = []\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 13 }],
    },
  ],
});
