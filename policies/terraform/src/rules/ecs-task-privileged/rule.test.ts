import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'privileged false',
      code: 'resource "aws_ecs_task_definition" "t" {\n  container_definitions = jsonencode([{ name = "app", privileged = false }])\n}\n',
    },
    {
      name: 'definitions from a file',
      code: 'resource "aws_ecs_task_definition" "t" {\n  container_definitions = file("${path.module}/containers.json")\n}\n',
    },
  ],
  invalid: [
    {
      name: 'heredoc JSON',
      code: 'resource "aws_ecs_task_definition" "t" {\n  family                = "t"\n  container_definitions = <<-EOT\n    [{"name": "app", "image": "nginx:1.27", "privileged": true}]\n  EOT\n}\n',
      errors: [{ line: 3, column: 3, endLine: 5, endColumn: 6 }],
    },
  ],
});
