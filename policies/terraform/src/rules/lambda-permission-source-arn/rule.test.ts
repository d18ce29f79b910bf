import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'API Gateway scoped to its execution ARN',
      code: 'resource "aws_lambda_permission" "api" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "apigateway.amazonaws.com"\n  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"\n}\n',
    },
    {
      name: 'another account as principal',
      code: 'resource "aws_lambda_permission" "partner" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "111122223333"\n}\n',
    },
    {
      name: 'public function URL with auth type',
      code: 'resource "aws_lambda_permission" "url" {\n  action                 = "lambda:InvokeFunctionUrl"\n  function_name          = aws_lambda_function.api.function_name\n  principal              = "*"\n  function_url_auth_type = "AWS_IAM"\n}\n',
    },
    {
      name: 'anyone: reported by resource-policy-public-principal',
      code: 'resource "aws_lambda_permission" "any" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "*"\n}\n',
    },
    {
      name: 'unknown principal',
      code: 'variable "principal" {}\nresource "aws_lambda_permission" "p" {\n  principal = var.principal\n}\n',
    },
  ],
  invalid: [
    {
      name: 'EventBridge without a rule ARN',
      code: 'resource "aws_lambda_permission" "events" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.cron.function_name\n  principal     = "events.amazonaws.com"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 41, message: 'events.amazonaws.com' }],
    },
  ],
});
