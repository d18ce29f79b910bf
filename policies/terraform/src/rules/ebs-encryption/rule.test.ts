import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = true\n  }\n}\n',
    {
      name: 'account default encryption',
      code: 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\nresource "aws_ebs_volume" "v" {\n  size = 1\n}\n',
    },
    {
      name: 'volume from a snapshot inherits',
      code: 'resource "aws_ebs_volume" "v" {\n  snapshot_id = "snap-1"\n}\n',
    },
    { name: 'unknown', code: 'variable "e" {}\nresource "aws_ebs_volume" "v" {\n  encrypted = var.e\n}\n' },
  ],
  invalid: [
    {
      name: 'root device encrypted = false',
      code: 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = false\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 22 }],
    },
    {
      name: 'launch template mapping without encrypted',
      code: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n    }\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 8 }],
    },
  ],
});
