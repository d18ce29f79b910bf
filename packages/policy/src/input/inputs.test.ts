import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { inspectInputs } from '../inspect.js';
import { policyLanguages } from '../languages.js';
import { compilePolicyFiles } from '../load/load-policies.js';

const FILES = {
  'k8s/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
`,
  Dockerfile: `ARG BASE=registry.acme.io/base/node:20
FROM \${BASE} AS build
RUN --mount=type=cache,target=/root/.npm npm ci && npm run build
FROM registry.acme.io/base/node:20
ENV NODE_ENV=production
COPY --from=build /app/dist /app
`,
  'infra/main.tf': `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
  }
}

variable "kms_key" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  server_side_encryption_configuration {
    kms_key_id = var.kms_key
  }
}

module "net" {
  source = "./modules/net"
}
`,
  '.github/workflows/ci.yml': `name: ci
on:
  pull_request_target:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.pull_request.title }}"
`,
};

describe('policy inputs', () => {
  it('exposes one documented input per unit of each language', async () => {
    const { units, problems } = await inspectInputs(new MemoryFileSource(FILES));
    expect(problems).toEqual([]);
    expect(units.map((u) => `${u.language} ${u.file}:${u.line} ${u.resource ?? ''}`)).toEqual([
      'workflow .github/workflows/ci.yml:2 ',
      'dockerfile Dockerfile:2 ',
      'terraform-module infra/main.tf:1 infra',
      'terraform infra/main.tf:11 aws_s3_bucket.logs',
      'kubernetes k8s/app.yaml:2 Deployment/shop/web',
      'kubernetes k8s/app.yaml:10 Service/shop/web',
    ]);
    const [workflow, dockerfile, module, resource, deployment] = units.map(
      (u) => u.input as Record<string, any>,
    );
    expect(deployment).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      namespace: 'shop',
      object: { spec: { replicas: 2 } },
    });
    expect(deployment!.related.map((o: { kind: string }) => o.kind)).toEqual(['Service']);

    const stages = dockerfile!.dockerfile.stages;
    expect(stages[0].image).toMatchObject({
      raw: '${BASE}',
      value: 'registry.acme.io/base/node:20',
      repository: 'base/node',
    });
    expect(stages[0].instructions[1]).toMatchObject({
      keyword: 'RUN',
      flags: { mount: 'type=cache,target=/root/.npm' },
      commands: [
        { name: 'npm', args: ['ci'] },
        { name: 'npm', args: ['run', 'build'] },
      ],
    });
    expect(stages[1]).toMatchObject({
      final: true,
      instructions: [
        { keyword: 'FROM' },
        { keyword: 'ENV', properties: { NODE_ENV: 'production' } },
        { keyword: 'COPY', flags: { from: 'build' } },
      ],
    });
    expect(dockerfile!.dockerfile.args).toEqual([{ name: 'BASE', value: 'registry.acme.io/base/node:20' }]);

    expect(module!.module).toMatchObject({
      dir: 'infra',
      backend: { type: 's3', config: { bucket: 'acme-terraform-state' } },
      calls: [{ name: 'net', source: './modules/net' }],
    });
    expect(resource!.resource).toEqual({
      kind: 'resource',
      type: 'aws_s3_bucket',
      name: 'logs',
      address: 'aws_s3_bucket.logs',
      values: {
        bucket: 'acme-logs',
        server_side_encryption_configuration: [{ kms_key_id: { '@unknown': true, ref: '' } }],
      },
    });

    expect(workflow!.workflow).toMatchObject({
      triggers: [{ event: 'pull_request_target', trust: 'untrusted-privileged' }],
      permissions: { contents: 'read' },
      jobs: [
        {
          id: 'test',
          runsOn: ['ubuntu-latest'],
          steps: [
            { uses: { action: 'actions/checkout', ref: 'v4', pinnedToSha: false } },
            {
              run: 'echo "${{ github.event.pull_request.title }}"',
              expressions: ['github.event.pull_request.title'],
            },
          ],
        },
      ],
    });
  });
});

describe('policy evaluation in a scan', () => {
  it('reports an evaluation error on the unit it happened on, and goes on with the others', async () => {
    const [policy] = compilePolicyFiles([
      {
        file: '.plumbline/policies/replicas.yaml',
        text: `apiVersion: plumbline.dev/v1
kind: Policy
metadata: { id: acme/min-replicas }
spec:
  title: Two replicas at least
  severity: low
  match: { language: kubernetes, kinds: [Deployment] }
  deny: object.spec.replicas < 2
  message: "{{ name }} runs fewer than two replicas"
  at: spec.replicas
`,
      },
    ]);
    const source = new MemoryFileSource({
      'a.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec: {}\n',
      'b.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  replicas: 1\n',
    });
    const result = await runAudit({
      source,
      languages: policyLanguages,
      registry: new RuleRegistry([policy!.rule]),
      config: testConfig(),
    });
    expect(result.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn} ${f.message}`)).toEqual([
      'a.yaml:2:1 Policy could not be evaluated on this unit (deny): field not found: replicas',
      'b.yaml:6:13 b runs fewer than two replicas',
    ]);
    expect(result.errors).toEqual([]);
  });
});
