import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'defaults', code: 'resource "aws_msk_cluster" "c" {\n  cluster_name = "c"\n}\n' },
    {
      name: 'unknown mode',
      code: 'variable "mode" {}\nresource "aws_msk_cluster" "c" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = var.mode\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'plaintext between brokers',
      code: 'resource "aws_msk_cluster" "c" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n      in_cluster    = false\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 28, message: 'between brokers' }],
    },
  ],
});
