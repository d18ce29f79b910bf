import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_eks_cluster" "c" {\n  version = "1.34"\n}\n',
    { name: 'unset (latest)', code: 'resource "aws_eks_cluster" "c" {}\n' },
    {
      name: 'option',
      code: 'resource "aws_eks_cluster" "c" {\n  version = "1.30"\n}\n',
      options: { minimumVersion: '1.30' },
    },
    { name: 'unknown', code: 'variable "v" {}\nresource "aws_eks_cluster" "c" {\n  version = var.v\n}\n' },
  ],
  invalid: [
    {
      name: 'the guide example (module)',
      code: 'module "eks" {\n  source          = "terraform-aws-modules/eks/aws"\n  version         = "~> 20.0"\n  cluster_version = "1.29"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 27, message: 'Kubernetes 1.29' }],
    },
  ],
});
