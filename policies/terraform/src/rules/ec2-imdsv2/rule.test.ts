import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'account-wide IMDSv2 default',
      code: 'resource "aws_ec2_instance_metadata_defaults" "d" {\n  http_tokens = "required"\n}\nresource "aws_instance" "i" {}\n',
    },
    'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    {
      name: 'endpoint disabled',
      code: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n',
    },
    {
      name: 'unknown tokens',
      code: 'variable "t" {}\nresource "aws_instance" "i" {\n  metadata_options {\n    http_tokens = var.t\n  }\n}\n',
    },
    {
      name: 'Amazon Linux 2023 AMI from an aws_ami filter',
      code: 'data "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-2023.*-x86_64"]\n  }\n}\nresource "aws_instance" "i" {\n  ami = data.aws_ami.al2023.id\n}\n',
    },
    {
      name: 'Amazon Linux 2023 from its SSM parameter, metadata block without http_tokens',
      code: 'data "aws_ssm_parameter" "al" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\nresource "aws_launch_template" "t" {\n  image_id = data.aws_ssm_parameter.al.value\n  metadata_options {\n    http_put_response_hop_limit = 2\n  }\n}\n',
    },
    {
      name: 'Amazon Linux 2023 through resolve:ssm',
      code: 'resource "aws_launch_template" "t" {\n  image_id = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Amazon Linux 2023 with http_tokens = "optional" turned back on',
      code: 'data "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-2023.*-x86_64"]\n  }\n}\nresource "aws_instance" "i" {\n  ami = data.aws_ami.al2023.id\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n',
      errors: [{ line: 12, column: 5, endLine: 12, endColumn: 29 }],
    },
    {
      name: 'Amazon Linux 2 is not IMDSv2-only',
      code: 'data "aws_ami" "al2" {\n  owners = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["amzn2-ami-hvm-*-x86_64-gp2"]\n  }\n}\nresource "aws_instance" "i" {\n  ami = data.aws_ami.al2.id\n}\n',
      errors: [{ line: 8, column: 1, endLine: 8, endColumn: 28 }],
    },
    {
      name: 'optional',
      code: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 29, message: '"optional"' }],
    },
    {
      name: 'block without http_tokens',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_endpoint = "enabled"\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 19 }],
    },
  ],
});
