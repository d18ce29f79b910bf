import { RuleTester, runRule } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_db_instance" "db" {\n  password = random_password.db.result\n}\n',
    {
      name: 'variable without default',
      code: 'variable "pw" {\n  sensitive = true\n}\nresource "aws_db_instance" "db" {\n  password = var.pw\n}\n',
    },
    {
      name: 'names that are not secrets',
      code: 'resource "aws_iam_user_login_profile" "u" {\n  password_reset_required = true\n  password_length         = 20\n}\nresource "x" "y" {\n  secret_arn = "arn:aws:secretsmanager:eu-west-1:1:secret:x"\n}\n',
    },
    { name: 'empty password', code: 'resource "aws_db_instance" "db" {\n  password = ""\n}\n' },
  ],
  invalid: [
    {
      name: 'password through a local',
      code: 'locals {\n  pw = "hunter2hunter2"\n}\nresource "aws_rds_cluster" "c" {\n  master_password = local.pw\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 29, message: '`master_password`' }],
    },
    {
      name: 'private key in a heredoc',
      code: 'resource "tls_self_signed_cert" "c" {\n  private_key_pem = <<EOT\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\nEOT\n}\n',
      errors: [{ line: 2, column: 3, endLine: 6, endColumn: 4, message: 'a private key' }],
    },
  ],
});

it('redacts the value in every output', async () => {
  const result = await runRule(rule, [hclLanguage], {
    'main.tf': 'resource "aws_db_instance" "db" {\n  password = "Sup3rS3cretValue!"\n}\n',
  });
  expect(result.findings).toHaveLength(1);
  expect(JSON.stringify(result)).not.toContain('Sup3rS3cretValue');
});
