import { defineRule, type Loc } from '@plumbline/core';
import { asBool, type Expr, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Where `privileged = true` is written in `container_definitions`, for each container that sets it. */
function privilegedContainers(task: TfResource): Loc[] {
  const a = task.attr('container_definitions');
  if (!a) return [];
  const expr: Expr = a.expr;
  // `jsonencode([{ ... privileged = true ... }])`: evaluate each container's key on its own, so an
  // unknown image or secret elsewhere in the definition does not hide it.
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args[0]?.kind === 'tuple') {
    const out: Loc[] = [];
    for (const c of expr.args[0].items) {
      if (c.kind !== 'object') continue;
      const item = c.items.find((i) => i.name === 'privileged');
      if (item && asBool(task.eval(item.value)) === true) out.push(item.loc);
    }
    return out;
  }
  const v = task.value('container_definitions');
  if (typeof v !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(v);
    const list = Array.isArray(parsed) ? parsed : [];
    return list.some((c) => c && typeof c === 'object' && (c as { privileged?: unknown }).privileged === true)
      ? [a.loc]
      : [];
  } catch {
    return [];
  }
}

export default defineRule({
  id: 'terraform/ecs-task-privileged',
  domain: terraformDomain,
  meta: {
    title: 'ECS task runs a privileged container',
    description:
      'A container of an `aws_ecs_task_definition` sets `privileged = true` in `container_definitions`.',
    rationale:
      'A privileged container has every Linux capability and the host’s devices: escaping to the EC2 host, and from there to the other tasks and the instance role, is trivial. Fargate refuses it; on EC2 it is rarely needed outside of system agents. High.',
    remediation:
      'Remove `privileged`, and add only the capabilities the process needs with `linuxParameters.capabilities.add`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecs_task_definition" "agent" {\n  family = "agent"\n  container_definitions = jsonencode([{\n    name       = "agent"\n    image      = "${aws_ecr_repository.agent.repository_url}:1.2.0"\n    essential  = true\n    privileged = true\n  }])\n}\n',
          errors: [{ line: 7, column: 5, endLine: 7, endColumn: 22 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecs_task_definition" "agent" {\n  family = "agent"\n  container_definitions = jsonencode([{\n    name      = "agent"\n    image     = "${aws_ecr_repository.agent.repository_url}:1.2.0"\n    essential = true\n    linuxParameters = {\n      capabilities = { add = ["NET_ADMIN"], drop = ["ALL"] }\n    }\n  }])\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.resourcesOf('aws_ecs_task_definition'))
      for (const at of privilegedContainers(t))
        reportOn(ctx, t, at, `Task definition ${nameOf(t)} runs a privileged container.`);
  },
});
