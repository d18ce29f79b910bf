import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_eks_node_group" "cpu" {\n  instance_types = ["m6i.large"]\n}\n',
    {
      name: 'tainted resource',
      code: 'resource "aws_eks_node_group" "gpu" {\n  instance_types = ["p4d.24xlarge"]\n  taint {\n    key    = "nvidia.com/gpu"\n    effect = "NO_SCHEDULE"\n  }\n}\n',
    },
    {
      name: 'unknown instance types',
      code: 'resource "aws_eks_node_group" "g" {\n  instance_types = var.types\n}\n',
    },
  ],
  invalid: [
    {
      name: 'GPU AMI type',
      code: 'resource "aws_eks_node_group" "g" {\n  ami_type = "AL2_x86_64_GPU"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'PREFER_NO_SCHEDULE is not enough',
      code: 'resource "aws_eks_node_group" "g" {\n  instance_types = ["g5.xlarge"]\n  taint {\n    key    = "gpu"\n    effect = "PREFER_NO_SCHEDULE"\n  }\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
  ],
});
