import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const eksModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: public endpoint limited to an office range',
      code: eksModule(
        '~> 20.0',
        '  cluster_endpoint_public_access       = true\n  cluster_endpoint_public_access_cidrs = ["203.0.113.0/24"]\n',
      ),
    },
    {
      name: 'EKS module v20: private endpoint, the default CIDR does not matter',
      code: eksModule('~> 20.0'),
    },
    'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access = false\n  }\n}\n',
    {
      name: 'unknown cidrs',
      code: 'variable "c" {}\nresource "aws_eks_cluster" "c" {\n  vpc_config {\n    public_access_cidrs = var.c\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'EKS module public endpoint with the default 0.0.0.0/0',
      code: eksModule('~> 20.0', '  cluster_endpoint_public_access = true\n'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `["0.0.0.0/0"]`' }],
    },
    {
      name: 'default public, no cidrs',
      code: 'resource "aws_eks_cluster" "c" {\n  vpc_config {\n    subnet_ids = []\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 13 }],
    },
  ],
});
