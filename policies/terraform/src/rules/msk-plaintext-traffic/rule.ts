import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/msk-plaintext-traffic',
  domain: terraformDomain,
  meta: {
    title: 'MSK cluster accepts unencrypted traffic',
    description:
      'An `aws_msk_cluster` sets `encryption_in_transit { client_broker = "PLAINTEXT" }` or `"TLS_PLAINTEXT"`, or `in_cluster = false`. The default (`TLS` between clients and brokers and within the cluster) is fine.',
    rationale:
      'Kafka topics carry the business events of many services; plaintext listeners let anyone on the network path read or inject records, and plaintext has no client authentication either. `TLS_PLAINTEXT` is meant for migrations and often stays. Medium.',
    remediation:
      'Set `client_broker = "TLS"` (after moving clients to the TLS bootstrap brokers) and keep `in_cluster = true`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_msk_cluster" "events" {\n  cluster_name           = "events"\n  kafka_version          = "3.8.x"\n  number_of_broker_nodes = 3\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_msk_cluster" "events" {\n  cluster_name           = "events"\n  kafka_version          = "3.8.x"\n  number_of_broker_nodes = 3\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n      in_cluster    = true\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const c of module.resourcesOf('aws_msk_cluster')) {
      for (const info of c.blocks('encryption_info')) {
        for (const t of info.blocks('encryption_in_transit')) {
          const cb = t.attr('client_broker');
          const mode = asString(t.value('client_broker'));
          if (cb && (mode === 'PLAINTEXT' || mode === 'TLS_PLAINTEXT'))
            reportOn(
              ctx,
              c,
              cb,
              `MSK cluster ${nameOf(c)} accepts plaintext client connections (\`${mode}\`).`,
            );
          const inCluster = t.attr('in_cluster');
          if (inCluster && asBool(t.value('in_cluster')) === false)
            reportOn(ctx, c, inCluster, `MSK cluster ${nameOf(c)} does not encrypt traffic between brokers.`);
        }
      }
    }
  },
});
