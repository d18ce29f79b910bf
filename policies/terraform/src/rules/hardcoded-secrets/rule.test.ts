import { RuleTester, runRule } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'for_each keys and tags name things, they are not secrets',
      code: 'resource "aws_secretsmanager_secret" "s" {\n  for_each = { secret = "db-credentials", token = "api-token" }\n  name     = each.value\n  tags     = { secret = "rotation-30d" }\n}\n',
    },
    {
      name: 'hardened: secrets by reference',
      code: 'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn\n      API_TOKEN              = var.api_token\n    }\n  }\n}\nresource "aws_ssm_parameter" "p" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = random_password.db.result\n}\nresource "aws_ssm_parameter" "host" {\n  name  = "/prod/db/host"\n  type  = "String"\n  value = "db.internal"\n}\n',
    },
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
      name: 'Lambda environment variable',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "api"\n  environment {\n    variables = {\n      STAGE       = "prod"\n      DB_PASSWORD = "hunter2hunter2"\n    }\n  }\n}\n',
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 37, message: '`DB_PASSWORD`' }],
    },
    {
      name: 'ECS container definition environment pair',
      code: 'resource "aws_ecs_task_definition" "t" {\n  family = "api"\n  container_definitions = jsonencode([{\n    name  = "api"\n    image = "api:1"\n    environment = [\n      { name = "API_TOKEN", value = "tok_live_8d7f6a5s" },\n    ]\n  }])\n}\n',
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 58, message: '`API_TOKEN`' }],
    },
    {
      name: 'password exported in user_data',
      code: 'resource "aws_instance" "i" {\n  user_data = <<-EOT\n    #!/bin/bash\n    export DB_PASSWORD=s3cr3tValue9\n  EOT\n}\n',
      errors: [{ line: 2, column: 3, endLine: 5, endColumn: 6, message: '`DB_PASSWORD`' }],
    },
    {
      name: 'SSM parameter of type String holding a password',
      code: 'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "String"\n  value = "hunter2hunter2"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 27, message: 'plain `String`' }],
    },
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
