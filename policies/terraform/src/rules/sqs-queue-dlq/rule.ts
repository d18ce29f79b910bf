import { defineRule } from '@plumbline/core';
import { asString, type Block, isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/**
 * Names of attributes, blocks and object keys whose references point at a dead-letter or
 * failure destination: `redrive_policy`, `dead_letter_config`, `on_failure`, and module inputs
 * such as `destination_arn_on_failure` or `dead_letter_target_arn`.
 */
const DLQ_CONTEXT = /dead_?letter|on_?failure|redrive|dlq/i;

/** Addresses (`aws_sqs_queue.dlq`) referenced inside a syntax node; `inDlq` once inside a DLQ context. */
function references(node: unknown, inDlq: boolean, out: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) references(n, inDlq, out);
    return;
  }
  const o = node as { kind?: string; root?: string; steps?: { attr?: string }[]; name?: unknown };
  if (inDlq && o.kind === 'ref' && o.root && o.steps?.[0]?.attr) out.add(`${o.root}.${o.steps[0].attr}`);
  // An object item (`{ name, key, value }`) named like a DLQ makes its value a DLQ context.
  const named = typeof o.name === 'string' && 'value' in o && DLQ_CONTEXT.test(o.name);
  for (const [k, v] of Object.entries(node)) if (k !== 'loc') references(v, inDlq || named, out);
}

/** Queue addresses used as dead-letter or failure destinations anywhere in the module. */
function deadLetterTargets(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  const visit = (b: Block, inDlq: boolean) => {
    for (const a of b.attributes) references(a.expr, inDlq || DLQ_CONTEXT.test(a.name), out);
    for (const c of b.blocks)
      visit(c, inDlq || DLQ_CONTEXT.test(c.type) || DLQ_CONTEXT.test(c.labels[0] ?? ''));
  };
  for (const b of blocks) visit(b, false);
  return out;
}

export default defineRule({
  id: 'terraform/sqs-queue-dlq',
  domain: terraformDomain,
  meta: {
    title: 'SQS queue has no dead-letter queue',
    description:
      'An `aws_sqs_queue` has no `redrive_policy` (nor an `aws_sqs_queue_redrive_policy`), and is not itself the dead-letter or failure destination of another queue, a Lambda function, a subscription or a module input (`destination_arn_on_failure`, `dead_letter_target_arn`, ...). Queues whose name marks them as such (`dlq`, `dead-letter`, `failure`) are not reported.',
    rationale:
      'A message that always fails (a poison message) is received again and again until its retention runs out, blocking FIFO groups, burning consumer capacity and then vanishing without a trace. A dead-letter queue with an alarm on its depth keeps it for inspection. Low: some consumers handle failures themselves.',
    remediation:
      'Create a dead-letter queue and set `redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })`, with an alarm on the DLQ’s `ApproximateNumberOfMessagesVisible`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue" "orders_dlq" {\n  name = "orders-dlq"\n}\nresource "aws_sqs_queue" "orders" {\n  name = "orders"\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn\n    maxReceiveCount     = 5\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const queues = module.resourcesOf('aws_sqs_queue');
    if (queues.length === 0) return;
    const redrives = module.resourcesOf('aws_sqs_queue_redrive_policy').map((r) => r.value('queue_url'));
    if (redrives.some((v) => !isUnknown(v) || !v.ref)) return;
    const targets = deadLetterTargets(module.blocks);
    for (const q of queues) {
      if (q.has('redrive_policy') || targets.has(q.localAddress) || redrives.some((v) => q.isReferencedBy(v)))
        continue;
      const name = asString(q.value('name')) ?? asString(q.value('name_prefix')) ?? q.name;
      if (/dlq|dead[-_]?letter|deadletter/i.test(name) || /dlq|dead|fail/i.test(q.name)) continue;
      reportOn(ctx, q, q.headerLoc, `SQS queue ${nameOf(q)} has no dead-letter queue.`);
    }
  },
});
