import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Parameters that make the server refuse clear-text connections, and the values that turn them off. */
const TLS_PARAMETERS: Record<string, Set<string>> = {
  'rds.force_ssl': new Set(['0', 'false', 'off']),
  require_secure_transport: new Set(['0', 'false', 'off']),
};

export default defineRule({
  id: 'terraform/rds-force-ssl',
  domain: terraformDomain,
  meta: {
    title: 'Database parameter group allows unencrypted connections',
    description:
      'An `aws_db_parameter_group` or `aws_rds_cluster_parameter_group` sets `rds.force_ssl` (PostgreSQL, SQL Server) or `require_secure_transport` (MySQL, MariaDB) to off.',
    rationale:
      'With the parameter off, any client that does not ask for TLS sends credentials and query results in clear text across the VPC, peering links or VPN; PostgreSQL 15+ on RDS enforces TLS by default, so setting it off is a deliberate downgrade. Medium.',
    remediation:
      'Set the parameter to `1` (`rds.force_ssl`) or `ON` (`require_secure_transport`) and make clients use `sslmode=verify-full` or equivalent.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV2_AWS_69'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_parameter_group" "pg16" {\n  name   = "orders-pg16"\n  family = "postgres16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "0"\n  }\n}\n',
          errors: [{ line: 6, column: 5, endLine: 6, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_parameter_group" "pg16" {\n  name   = "orders-pg16"\n  family = "postgres16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const g of module.resourcesOf('aws_db_parameter_group', 'aws_rds_cluster_parameter_group')) {
      for (const p of g.blocks('parameter')) {
        const name = asString(p.value('name'))?.toLowerCase();
        const value = asString(p.value('value'))?.toLowerCase();
        const off = name !== undefined ? TLS_PARAMETERS[name] : undefined;
        if (!off || value === undefined || !off.has(value) || !p.attr('value')) continue;
        reportOn(
          ctx,
          g,
          p.attr('value')!,
          `${nameOf(g)} turns \`${name}\` off: clients may connect without TLS.`,
        );
      }
    }
  },
});
