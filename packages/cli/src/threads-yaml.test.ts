import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pooledReport } from './test-support/pooled-report.ts';
import { writeTree } from './test-support/write-tree.ts';

const deployment = (name: string, image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      serviceAccountName: ${name}
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
${extra}`;

const service = (name: string, app: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: ${port}
`;

/** A ConfigMap of `lines` application properties (about 40 bytes each). */
const configMap = (name: string, lines: number) =>
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  application.properties: |
${Array.from({ length: lines }, (_, i) => `    feature.flag.${name}.${i}.enabled=${i % 3 === 0}`).join('\n')}
`;

const workflow = (steps: string) => `name: ci
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
${steps}`;

/**
 * Several repositories side by side, as an organisation checkout or the shared corpus looks:
 * kustomize bases and overlays, plain manifest folders, workflows with pins, a reusable workflow
 * and its caller, and files at the root of the scan (which relate to everything).
 */
function multiRepoFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-yaml-shards-'));
  const files: Record<string, string> = {
    // A kustomize layout: the overlay pins the image of the base (a link across sibling folders).
    'shop/deploy/base/deployment.yaml': deployment('cart', 'registry.example.com/shop/cart:latest'),
    'shop/deploy/base/service.yaml': service('cart', 'cart', 9090),
    'shop/deploy/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n',
    'shop/deploy/overlays/prod/kustomization.yaml':
      'namespace: shop-prod\nresources:\n  - ../../base\npatches:\n  - path: replicas-patch.yaml\nimages:\n  - name: registry.example.com/shop/cart\n    newTag: "2.4.1"\n',
    'shop/deploy/overlays/prod/replicas-patch.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\nspec:\n  replicas: 4\n',
    // A far folder that a kustomization names: only its links can tell.
    'platform/prod/kustomization.yaml':
      'resources:\n  - ../../apps/ledger\nimages:\n  - name: ghcr.io/shop/ledger\n    digest: sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\n',
    'apps/ledger/deployment.yaml': deployment('ledger', 'ghcr.io/shop/ledger:1.2'),
    // The largest folder: packed alone, away from `platform/prod`.
    'apps/ledger/configmap.yaml': configMap('ledger', 1800),
    'shop/.github/workflows/ci.yml': workflow(
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v4.2.2\n      - run: make test\n',
    ),
    'shop/.github/workflows/release.yml': workflow(
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n      - run: make release\n',
    ),
    // Plain manifests, one folder per service, with a NetworkPolicy and a PDB selecting nothing here.
    'mesh/k8s/gateway/deployment.yaml': deployment(
      'gateway',
      'envoyproxy/envoy:v1.31.0',
      '          securityContext:\n            privileged: true\n',
    ),
    'mesh/k8s/gateway/service.yaml': service('gateway', 'gateway', 8080),
    'mesh/k8s/gateway/pdb.yaml':
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: gateway\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: gatewy\n',
    'mesh/k8s/auth/deployment.yaml': deployment('auth', 'quay.io/mesh/auth:3.0.0'),
    'mesh/k8s/auth/serviceaccount.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: auth\n',
    'mesh/.github/workflows/deploy.yml': `on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh \${{ inputs.environment }}
`,
    'mesh/.github/workflows/main.yml': `on:
  push:
    branches: [main]
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
    with:
      environment: \${{ github.event.head_commit.message }}
`,
    // Another repository with a reusable workflow of the same name: each caller runs its own copy.
    'billing/.github/workflows/deploy.yml': `on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh \${{ inputs.environment }}
`,
    'billing/.github/workflows/main.yml': `on:
  push:
    branches: [main]
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
    with:
      environment: production
`,
    'billing/k8s/invoices/deployment.yaml': deployment('invoices', 'ghcr.io/billing/invoices:5.1.0'),
    'billing/k8s/invoices/configmap.yaml': configMap('invoices', 900),
    'mesh/.github/dependabot.yml':
      'version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n',
    // A workflow by its content, outside .github, and a chart's values next to loose manifests.
    'tools/ci-templates/lint.yml': workflow(
      '      - uses: actions/setup-node@v4\n      - run: npm run lint\n',
    ),
    'tools/chart/values.yaml':
      'securityContext:\n  privileged: true\nimage:\n  repository: nginx\n  tag: latest\n',
    'tools/jobs/cronjob.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
  namespace: tools
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: busybox
              command: ["sh", "-c", "rm -rf /tmp/cache/*"]
`,
    'tools/Dockerfile': 'FROM node:20\nRUN npm ci\nCMD ["node", "index.js"]\n',
  };
  // More independent services, so that the packing has groups to spread.
  // More independent services (with their configuration, large enough to be worth several shards).
  for (let i = 0; i < 6; i++) {
    files[`fleet/service-${i}/deployment.yaml`] = deployment(
      `svc-${i}`,
      `registry.example.com/fleet/svc-${i}:1.${i}.0`,
    );
    files[`fleet/service-${i}/service.yaml`] = service(`svc-${i}`, `svc-${i}`, i % 2 ? 8080 : 8081);
    files[`fleet/service-${i}/configmap.yaml`] = configMap(`svc-${i}`, 600);
  }
  return writeTree(dir, files);
}

describe('--threads over YAML of several repositories', () => {
  it('splits the YAML into several shards and gives byte-identical JSON', async () => {
    const dir = multiRepoFolder();
    const one = await pooledReport(dir, 1, '--no-render');
    const two = await pooledReport(dir, 2, '--no-render');
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, .*yaml in [2-9]/);
    // `apps/ledger` is tied to `platform/prod` by content only: their shards are checked again together.
    expect(two.stderr).toMatch(/links cross 2 shards/);
    // Only that link crosses: a local `uses:` never reaches another repository's workflow.
    expect(two.stderr).toMatch(/platform\/prod\/kustomization\.yaml \(shard/);
    expect(two.stderr).not.toMatch(/workflows\/main\.yml \(shard/);
    const parsed = JSON.parse(one.json) as { findings: { ruleId: string; file: string }[] };
    // Cross-file rules did find something, so the comparison means something.
    const rules = new Set(parsed.findings.map((f) => f.ruleId));
    expect(rules).toContain('gha/consistent-pin-comments');
    expect(rules).toContain('gha/no-workflow-input-injection');
    expect(rules).toContain('k8s/pdb-selects-nothing');
    expect(rules).toContain('k8s/network-policy-missing');
    expect(two.json).toBe(one.json);
  });

  it('checks everything together again when objects sit at the root of the scan', async () => {
    const dir = multiRepoFolder();
    writeFileSync(
      join(dir, 'namespace.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-prod\n',
    );
    const one = await pooledReport(dir, 2, '--no-render');
    expect(one.stderr).toMatch(/yaml in [2-9]/);
    expect(one.stderr).toMatch(/links cross [3-9] shards/);
    expect(one.json).toBe((await pooledReport(dir, 1, '--no-render')).json);
  });
});

// .ci/run unpacks Helm and exports PLUMBLINE_HELM, and the CI image has `kubectl kustomize`.
describe.skipIf(!process.env.PLUMBLINE_HELM && !process.env.CI)('--threads over YAML with rendering', () => {
  it('keeps rendered output and the files near it on the main thread, and spreads the rest', async () => {
    const dir = multiRepoFolder();
    // A plain NetworkPolicy beside the base the overlay builds on: a loose file among rendered paths.
    writeFileSync(
      join(dir, 'shop/deploy/base/networkpolicy.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: cart\n  namespace: shop-prod\nspec:\n  podSelector:\n    matchLabels:\n      app: cart\n  policyTypes: [Ingress]\n',
    );
    // Small enough that one thread checks it all at once: the reference a split must equal.
    const one = await pooledReport(dir, 1);
    const two = await pooledReport(dir, 2);
    expect(one.stderr).not.toMatch(/plumbline pool/);
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, .*yaml in [1-9]/);
    const report = JSON.parse(one.json) as {
      findings: { ruleId: string; file: string; message: string }[];
      summary: { rendering?: Record<string, { rendered: number }> };
    };
    expect(report.summary.rendering?.kustomize?.rendered).toBeGreaterThan(0);
    // The overlay was built: findings on the base's Deployment come from the rendered object.
    expect(report.findings.some((f) => f.file === 'shop/deploy/base/deployment.yaml')).toBe(true);
    expect(report.findings.some((f) => f.ruleId === 'k8s/network-policy-missing')).toBe(true);
    expect(two.json).toBe(one.json);
  });
});
