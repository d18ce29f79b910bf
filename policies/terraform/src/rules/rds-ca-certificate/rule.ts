import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Certificate authorities whose certificates have expired (rds-ca-2019 in August 2024). */
const EXPIRED_CAS = new Set(['rds-ca-2015', 'rds-ca-2019']);

export default defineRule({
  id: 'terraform/rds-ca-certificate',
  domain: terraformDomain,
  meta: {
    title: 'RDS instance uses an expired certificate authority',
    description:
      'An `aws_db_instance` or `aws_rds_cluster_instance` sets `ca_cert_identifier` to `rds-ca-2019` or `rds-ca-2015`. Leaving it unset is fine: new instances get `rds-ca-rsa2048-g1` since 2024.',
    rationale:
      'The server certificate of an instance on an expired CA is itself expired, so clients that verify TLS (as they should) fail to connect, and clients that still connect are not verifying anything, which opens them to interception. Medium.',
    remediation:
      'Set `ca_cert_identifier = "rds-ca-rsa2048-g1"` (or an ECC/RSA4096 CA), update the client trust bundle, and apply during a maintenance window.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_211'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier         = "orders"\n  engine             = "postgres"\n  ca_cert_identifier = "rds-ca-2019"\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier         = "orders"\n  engine             = "postgres"\n  ca_cert_identifier = "rds-ca-rsa2048-g1"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster')) {
      const a = r.attr('ca_cert_identifier');
      const ca = asString(r.value('ca_cert_identifier'));
      if (a && ca !== undefined && EXPIRED_CAS.has(ca))
        reportOn(ctx, r, a, `${nameOf(r)} uses the expired certificate authority \`${ca}\`.`);
    }
  },
});
