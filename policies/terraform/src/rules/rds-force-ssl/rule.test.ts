import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'MySQL cluster parameter group requiring TLS',
      code: 'resource "aws_rds_cluster_parameter_group" "mysql" {\n  family = "aurora-mysql8.0"\n  parameter {\n    name  = "require_secure_transport"\n    value = "ON"\n  }\n}\n',
    },
    {
      name: 'value from a variable',
      code: 'variable "force_ssl" {}\nresource "aws_db_parameter_group" "pg" {\n  parameter {\n    name  = "rds.force_ssl"\n    value = var.force_ssl\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'dynamic parameters from a map',
      code: 'locals {\n  params = { require_secure_transport = "OFF", max_connections = "500" }\n}\nresource "aws_db_parameter_group" "mysql" {\n  family = "mysql8.0"\n  dynamic "parameter" {\n    for_each = local.params\n    content {\n      name  = parameter.key\n      value = parameter.value\n    }\n  }\n}\n',
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 30, message: 'require_secure_transport' }],
    },
  ],
});
