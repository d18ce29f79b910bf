import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'scaling target by table reference',
      code: 'resource "aws_dynamodb_table" "t" {\n  name           = "orders"\n  read_capacity  = 5\n  write_capacity = 5\n}\nresource "aws_appautoscaling_target" "read" {\n  service_namespace  = "dynamodb"\n  resource_id        = "table/${aws_dynamodb_table.t.name}"\n  scalable_dimension = "dynamodb:table:ReadCapacityUnits"\n  min_capacity       = 5\n  max_capacity       = 100\n}\n',
    },
    {
      name: 'scaling target by literal name',
      code: 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n}\nresource "aws_appautoscaling_target" "read" {\n  service_namespace = "dynamodb"\n  resource_id       = "table/orders"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'default billing mode, scaling only for another table',
      code: 'resource "aws_dynamodb_table" "t" {\n  name           = "orders"\n  read_capacity  = 5\n  write_capacity = 5\n}\nresource "aws_appautoscaling_target" "read" {\n  service_namespace = "dynamodb"\n  resource_id       = "table/sessions"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
  ],
});
