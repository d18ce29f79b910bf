import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pooledReport } from './test-support/pooled-report.ts';
import { writeTree } from './test-support/write-tree.ts';

const helm = process.env.PLUMBLINE_HELM;

const chartYaml = 'apiVersion: v2\nname: storefront\nversion: 0.3.1\nappVersion: "2.4.0"\n';
const values = `image:
  repository: ghcr.io/acme/storefront
  tag: latest
replicas: 2
`;
const deploymentTemplate = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-storefront
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
    spec:
      containers:
        - name: storefront
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - containerPort: 8080
`;

const dockerfile = (service: string) => `FROM node:20
WORKDIR /srv/${service}
COPY . .
RUN npm ci && npm run build
CMD ["node", "dist/server.js"]
`;

const securityGroup = (name: string, port: number) => `resource "aws_security_group" "${name}" {
  name = "${name}"
  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

/** Padding so that Terraform folders weigh enough to make shards of their own. */
const padding = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => `locals {\n  ${name}_${i} = "${'x'.repeat(60)}"\n}\n`).join('');

/**
 * A monorepo as they come: a chart (with the image's Dockerfile kept in the chart folder, which
 * the release claims), a kustomize overlay, service Dockerfiles and Terraform stacks.
 */
function monorepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-early-'));
  writeTree(dir, {
    'deploy/charts/storefront/Chart.yaml': chartYaml,
    'deploy/charts/storefront/values.yaml': values,
    'deploy/charts/storefront/templates/deployment.yaml': deploymentTemplate,
    'deploy/charts/storefront/Dockerfile': 'FROM alpine:latest\nRUN apk add curl\n',
    'deploy/kustomize/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'deploy/kustomize/base/deployment.yaml': deploymentTemplate
      .replace('{{ .Release.Name }}-storefront', 'ledger')
      .replace('{{ .Values.replicas }}', '1')
      .replace('"{{ .Values.image.repository }}:{{ .Values.image.tag }}"', 'ghcr.io/acme/ledger:1.8.0'),
    'deploy/kustomize/overlays/prod/kustomization.yaml':
      'namespace: ledger-prod\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/ledger\n    newTag: latest\n',
    'services/cart/Dockerfile': dockerfile('cart'),
    'services/ledger/Dockerfile': dockerfile('ledger'),
    'services/search/Dockerfile': dockerfile('search'),
    'infra/network/main.tf': securityGroup('ssh', 22) + padding('network', 400),
    'infra/database/main.tf': securityGroup('postgres', 5432) + padding('database', 400),
    'infra/edge/main.tf': securityGroup('https', 443) + padding('edge', 400),
  });
  return dir;
}

// .ci/run unpacks Helm and exports PLUMBLINE_HELM; without it this skips locally, never in CI.
describe.skipIf(!helm && !process.env.CI)('files rendering cannot touch, checked while the tools run', () => {
  it('offers Terraform and Dockerfiles to the workers before rendering, with the JSON of one thread', async () => {
    const dir = monorepo();
    const one = await pooledReport(dir, 1, '--helm', helm!);
    const two = await pooledReport(dir, 2, '--helm', helm!);
    expect(one.stderr).not.toMatch(/before rendering/);
    // The CLI looks for admission policies meanwhile too.
    expect(two.stderr).toMatch(
      /^plumbline timeline: workers started before the pending rules are found and rendering/m,
    );
    expect(two.stderr).toMatch(
      /^plumbline pool: 1 workers, .*; the first [1-9]\d* offered before the pending rules are found and rendering$/m,
    );
    const report = JSON.parse(one.json) as {
      findings: { ruleId: string; file: string }[];
      summary: { rendering?: Record<string, { rendered: number }> };
    };
    expect(report.summary.rendering?.helm?.rendered).toBe(1);
    expect(report.summary.rendering?.kustomize?.rendered).toBe(1);
    const files = new Set(report.findings.map((f) => f.file));
    // Rendered findings, Terraform and service Dockerfiles alike.
    for (const file of [
      'deploy/charts/storefront/values.yaml',
      'deploy/kustomize/overlays/prod/kustomization.yaml',
      'infra/network/main.tf',
      'infra/edge/main.tf',
      'services/cart/Dockerfile',
    ])
      expect(files).toContain(file);
    // The chart's Dockerfile belongs to the release: claimed before rendering, never checked apart.
    expect(files).not.toContain('deploy/charts/storefront/Dockerfile');
    expect(two.json).toBe(one.json);
  });
});
