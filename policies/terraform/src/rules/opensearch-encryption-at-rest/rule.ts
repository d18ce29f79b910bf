import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/opensearch-encryption-at-rest',
  domain: terraformDomain,
  meta: {
    title: 'OpenSearch domain is not encrypted at rest',
    description:
      'An `aws_opensearch_domain` or `aws_elasticsearch_domain` has no `encrypt_at_rest { enabled = true }`.',
    rationale:
      'Search indices copy the documents they index (logs, orders, user profiles), and without encryption at rest the indices, swap and automated snapshots are stored unencrypted; fine-grained access control even requires it. Medium.',
    remediation:
      'Add `encrypt_at_rest { enabled = true }` (and `kms_key_id` for a customer-managed key), together with `node_to_node_encryption { enabled = true }`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_opensearch_domain" "logs" {\n  domain_name    = "logs"\n  engine_version = "OpenSearch_2.17"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_opensearch_domain" "logs" {\n  domain_name    = "logs"\n  engine_version = "OpenSearch_2.17"\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const d of module.resourcesOf('aws_opensearch_domain', 'aws_elasticsearch_domain')) {
      if (!d.hasBlock('encrypt_at_rest')) {
        reportOn(ctx, d, d.headerLoc, `Search domain ${nameOf(d)} is not encrypted at rest.`);
        continue;
      }
      for (const b of d.blocks('encrypt_at_rest')) {
        const a = b.attr('enabled');
        if (a && asBool(b.value('enabled')) === false)
          reportOn(ctx, d, a, `Search domain ${nameOf(d)} turns encryption at rest off.`);
      }
    }
  },
});
