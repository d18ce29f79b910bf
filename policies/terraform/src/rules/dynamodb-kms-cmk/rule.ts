import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/dynamodb-kms-cmk',
  domain: terraformDomain,
  meta: {
    title: 'DynamoDB table is not encrypted with a customer-managed KMS key',
    description:
      'An `aws_dynamodb_table` has no `server_side_encryption { enabled = true, kms_key_arn = ... }`: it uses the AWS-owned key (the default) or the AWS-managed `alias/aws/dynamodb`.',
    rationale:
      'DynamoDB always encrypts at rest. With the AWS-owned key, reading the table needs only DynamoDB permissions and there is no key to audit or revoke; a customer-managed key adds both and is often required for regulated data. Defence in depth, hence low.',
    remediation:
      'Add a `server_side_encryption` block with `enabled = true` and `kms_key_arn = aws_kms_key.dynamodb.arn`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_119', 'AWS-0025'],
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.dynamodb.arn\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_dynamodb_table')) {
      // A replica created through `aws_dynamodb_table_replica` inherits its settings elsewhere.
      const sse = r.blocks('server_side_encryption');
      if (sse.length === 0) {
        if (!r.hasBlock('server_side_encryption'))
          reportOn(ctx, r, r.headerLoc, `DynamoDB table ${nameOf(r)} uses the AWS-owned key.`);
        continue;
      }
      for (const b of sse) {
        const enabled = b.attr('enabled');
        if (!enabled || asBool(b.value('enabled')) === false) {
          reportOn(ctx, r, enabled ?? b.headerLoc, `DynamoDB table ${nameOf(r)} uses the AWS-owned key.`);
          continue;
        }
        const key = b.attr('kms_key_arn');
        if (key && isAwsManagedKey(b.value('kms_key_arn')))
          reportOn(
            ctx,
            r,
            key,
            `DynamoDB table ${nameOf(r)} uses the AWS-managed key \`alias/aws/dynamodb\`.`,
          );
        else if (!key && asBool(b.value('enabled')) === true)
          reportOn(
            ctx,
            r,
            b.headerLoc,
            `DynamoDB table ${nameOf(r)} uses the AWS-managed key \`alias/aws/dynamodb\`.`,
          );
      }
    }
  },
});
