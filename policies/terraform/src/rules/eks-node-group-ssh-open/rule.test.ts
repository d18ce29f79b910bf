import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'no remote access', code: 'resource "aws_eks_node_group" "g" {\n  cluster_name = "c"\n}\n' },
    {
      name: 'source groups from a variable',
      code: 'variable "ssh_sources" {}\nresource "aws_eks_node_group" "g" {\n  remote_access {\n    ec2_ssh_key               = "ops"\n    source_security_group_ids = var.ssh_sources\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'empty list of source groups',
      code: 'resource "aws_eks_node_group" "g" {\n  remote_access {\n    ec2_ssh_key               = aws_key_pair.ops.key_name\n    source_security_group_ids = []\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 35 }],
    },
  ],
});
