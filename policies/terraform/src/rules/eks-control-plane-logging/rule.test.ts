import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const eksModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'EKS module default log types', code: eksModule('~> 20.0') },
    { name: 'EKS module v18 enabled three log types by default', code: eksModule('~> 18.0') },
    { name: 'a range spanning v17 and v18 has no single default', code: eksModule('>= 17.0, < 19.0') },
    {
      name: 'hardened v17 call',
      code: eksModule('~> 17.24', '  cluster_enabled_log_types = ["api", "audit", "authenticator"]\n'),
    },
    'resource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = ["api", "audit", "authenticator", "scheduler"]\n}\n',
    {
      name: 'unknown',
      code: 'variable "l" {}\nresource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = var.l\n}\n',
    },
  ],
  invalid: [
    {
      name: 'EKS module v17 enabled no log type by default, reported at the module block',
      code: eksModule('~> 17.24'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `[]` (before v18.0.0)' }],
    },
    {
      name: 'EKS module with audit logs dropped',
      code: eksModule('~> 20.0', '  cluster_enabled_log_types = ["api"]\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 38 }],
    },
    {
      name: 'missing',
      code: 'resource "aws_eks_cluster" "c" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'audit missing via variable default',
      code: 'variable "l" {\n  default = ["api", "authenticator"]\n}\nresource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = var.l\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 36, message: '`audit`' }],
    },
  ],
});
