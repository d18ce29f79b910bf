import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'rotation of a secret from a variable',
      code: 'variable "secret_id" {}\nresource "aws_secretsmanager_secret" "db" {}\nresource "aws_secretsmanager_secret_rotation" "r" {\n  secret_id = var.secret_id\n}\n',
    },
  ],
  invalid: [
    {
      name: 'only the other secret rotates',
      code: 'resource "aws_secretsmanager_secret" "db" {}\nresource "aws_secretsmanager_secret" "api_key" {}\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 47, message: 'api_key' }],
    },
  ],
});
