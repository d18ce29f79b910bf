import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = var.p\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'ordered behavior via dynamic',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  dynamic "ordered_cache_behavior" {\n    for_each = ["/api/*"]\n    content {\n      path_pattern           = ordered_cache_behavior.value\n      viewer_protocol_policy = "allow-all"\n    }\n  }\n}\n',
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 43 }],
    },
  ],
});
