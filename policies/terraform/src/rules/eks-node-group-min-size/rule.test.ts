import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const eks = (groups: string) =>
  `module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n  eks_managed_node_groups = {\n${groups}  }\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'the guide example: general 2, gpu 0 but tainted',
      code: eks(
        '    general = {\n      instance_types = ["m5.xlarge"]\n      min_size       = 2\n    }\n    gpu = {\n      instance_types = ["g4dn.xlarge"]\n      min_size       = 0\n      taints = [{\n        key    = "nvidia.com/gpu"\n        value  = "true"\n        effect = "NO_SCHEDULE"\n      }]\n    }\n',
      ),
    },
    {
      name: 'unknown min_size',
      code: `variable "min" {}\n${eks('    general = {\n      min_size = var.min\n    }\n')}`,
    },
    {
      name: 'another module',
      code: 'module "eks" {\n  source = "./eks"\n  eks_managed_node_groups = { a = { min_size = 1 } }\n}\n',
      files: { 'eks/main.tf': 'variable "eks_managed_node_groups" {}\n' },
    },
    {
      name: 'min_size 1 is only the autoscaler floor: three nodes run',
      code: 'resource "aws_eks_node_group" "g" {\n  scaling_config {\n    min_size     = 1\n    max_size     = 6\n    desired_size = 3\n  }\n}\n',
    },
    {
      name: 'module group with min 1 and desired 3',
      code: eks('    general = {\n      min_size     = 1\n      desired_size = 3\n    }\n'),
    },
    {
      name: 'hardened: autoscaled group with a floor of 2',
      code: 'resource "aws_eks_node_group" "g" {\n  scaling_config {\n    min_size     = 2\n    max_size     = 6\n    desired_size = 2\n  }\n  lifecycle {\n    ignore_changes = [scaling_config[0].desired_size]\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'raw group with desired_size 1',
      code: 'resource "aws_eks_node_group" "g" {\n  scaling_config {\n    min_size     = 1\n    max_size     = 3\n    desired_size = 1\n  }\n}\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 21, message: '`desired_size = 1`' }],
    },
    {
      name: 'autoscaled group: the floor is what it can shrink to',
      code: 'resource "aws_eks_node_group" "g" {\n  scaling_config {\n    min_size     = 1\n    max_size     = 6\n    desired_size = 3\n  }\n  lifecycle {\n    ignore_changes = [scaling_config[0].desired_size]\n  }\n}\n',
      errors: [
        { line: 3, column: 5, endLine: 3, endColumn: 21, message: 'leaves `desired_size` to an autoscaler' },
      ],
    },
    {
      name: "module group left at the module's desired_size default",
      code: eks('    general = {\n      instance_types = ["m5.large"]\n    }\n'),
      errors: [{ line: 5, column: 5, endLine: 7, endColumn: 6, message: "module's default of 1" }],
    },
    {
      name: 'module group',
      code: eks('    general = {\n      min_size = 1\n    }\n'),
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 19, message: 'Node group `general` of `module.eks`' },
      ],
    },
    {
      name: 'module defaults',
      code: 'module "eks" {\n  source = "terraform-aws-modules/eks/aws"\n  eks_managed_node_group_defaults = { min_size = 1 }\n  eks_managed_node_groups = {\n    a = {}\n  }\n}\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 11 }],
    },
  ],
});
