import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const eksModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'EKS module v19+ encrypts secrets by default', code: eksModule('~> 19.0') },
    {
      name: 'EKS module v21: `encryption_config = {}` still gets resources = ["secrets"] from its type',
      code: eksModule('~> 21.0', '  encryption_config = {}\n'),
    },
    { name: 'a range spanning v18 and v19 has no single default', code: eksModule('>= 18.0, < 20.0') },
    'resource "aws_eks_cluster" "c" {\n  encryption_config {\n    resources = ["secrets"]\n  }\n}\n',
    {
      name: 'dynamic over unknown',
      code: 'resource "aws_eks_cluster" "c" {\n  dynamic "encryption_config" {\n    for_each = var.enc\n    content {\n      resources = encryption_config.value.resources\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'EKS module v18 default: no encryption',
      code: eksModule('18.31.2'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `[]`' }],
    },
    {
      name: 'EKS module v21 with encryption turned off (null), reported at the argument',
      code: eksModule('~> 21.0', '  encryption_config = null\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 27, message: 'sets `encryption_config = null`' }],
    },
    {
      name: 'EKS module v20 with encryption turned off',
      code: eksModule('~> 20.0', '  cluster_encryption_config = {}\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 33 }],
    },
    {
      name: 'no config',
      code: 'resource "aws_eks_cluster" "c" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'dynamic over an empty list',
      code: 'resource "aws_eks_cluster" "c" {\n  dynamic "encryption_config" {\n    for_each = []\n    content {}\n  }\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
  ],
});
