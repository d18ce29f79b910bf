import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const eksModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'EKS module v20 defaults to a private endpoint', code: eksModule('~> 20.0') },
    { name: 'EKS module v21 default', code: eksModule('~> 21.0') },
    {
      name: 'hardened: v18 module with the public endpoint turned off',
      code: eksModule('~> 18.0', '  cluster_endpoint_public_access = false\n'),
    },
    { name: 'a range spanning v18 and v19 has no single default', code: eksModule('>= 18.0, < 20.0') },
    'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = false\n  }\n}\n',
    {
      name: 'unknown',
      code: 'variable "p" {}\nresource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = var.p\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'EKS module input set to true, reported at the argument',
      code: eksModule('~> 20.0', '  cluster_endpoint_public_access = true\n'),
      errors: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 40,
          message: 'sets `cluster_endpoint_public_access = true`',
        },
      ],
    },
    {
      name: 'EKS module v21 input name',
      code: eksModule('~> 21.0', '  endpoint_public_access = true\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 32 }],
    },
    {
      name: 'EKS module v18 default, reported at the module block',
      code: eksModule('~> 18.2'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `true` (before v19.0.0)' }],
    },
    {
      name: 'git source pinned to a v18 tag',
      code: 'module "m" {\n  source = "git::https://github.com/terraform-aws-modules/terraform-aws-eks.git?ref=v18.31.2"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      name: 'explicit true',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = true\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 34 }],
    },
  ],
});
