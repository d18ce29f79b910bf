import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'explicitly off',
      code: 'resource "aws_subnet" "a" {\n  vpc_id                  = aws_vpc.main.id\n  map_public_ip_on_launch = false\n}\n',
    },
    {
      name: 'unknown per-instance value',
      code: 'variable "subnets" {}\nresource "aws_subnet" "a" {\n  for_each                = var.subnets\n  map_public_ip_on_launch = each.value.public\n}\n',
    },
  ],
  invalid: [
    {
      name: 'per for_each instance',
      code: 'locals {\n  subnets = {\n    public  = { cidr = "10.0.0.0/24", public = true }\n    private = { cidr = "10.0.1.0/24", public = false }\n  }\n}\nresource "aws_subnet" "a" {\n  for_each                = local.subnets\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = each.value.cidr\n  map_public_ip_on_launch = each.value.public\n}\n',
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 46, message: 'a["public"]' }],
    },
  ],
});
