import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pooledReport } from './test-support/pooled-report.ts';
import { writeTree } from './test-support/write-tree.ts';

const deployment = (name: string, namespace: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
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
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
`;

/** A ConfigMap of `lines` application properties (about 40 bytes each): weight for the shards. */
const settings = (name: string, namespace: string, lines: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-settings
  namespace: ${namespace}
data:
  application.properties: |
${Array.from({ length: lines }, (_, i) => `    feature.${name}.${i}.enabled=${i % 3 === 0}`).join('\n')}
`;

/**
 * A platform repository as teams lay one out: the admission policy and its binding in one folder,
 * the namespaces in another, each team's registry allowlist (the policy's params) next to its own
 * manifests, and the workloads in folders of their own, so that no shard holds all of it.
 */
function platformRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-vap-shards-'));
  const files: Record<string, string> = {
    'platform/admission/trusted-registries.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: trusted-registries
spec:
  failurePolicy: Fail
  paramKind:
    apiVersion: v1
    kind: ConfigMap
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments"]
  validations:
    - expression: >-
        object.spec.template.spec.containers.all(c,
          params.data.registries.split(',').exists(r, c.image.startsWith(r)))
      messageExpression: >-
        'images of namespace ' + namespaceObject.metadata.name + ' come from ' + params.data.registries
`,
    'platform/admission/trusted-registries-binding.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: trusted-registries-enforced
spec:
  policyName: trusted-registries
  validationActions: [Deny]
  paramRef:
    name: registry-allowlist
    parameterNotFoundAction: Deny
  matchResources:
    namespaceSelector:
      matchLabels:
        admission.example.com/registries: enforced
`,
    'clusters/prod/namespaces.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    admission.example.com/registries: enforced
---
apiVersion: v1
kind: Namespace
metadata:
  name: billing
  labels:
    admission.example.com/registries: enforced
---
apiVersion: v1
kind: Namespace
metadata:
  name: tools
`,
    // The namespace comes from the kustomization above it.
    'shop/config/kustomization.yaml': 'namespace: shop\nresources:\n  - registry-allowlist.yaml\n',
    'shop/config/registry-allowlist.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: registry-allowlist\ndata:\n  registries: "registry.example.com/shop/,ghcr.io/shop/"\n',
    // Written by a generator: JSON, the kind with an escape.
    'billing/config/registry-allowlist.json': `{
  "apiVersion": "v1",
  "kind": "Config\\u004Dap",
  "metadata": { "name": "registry-allowlist", "namespace": "billing" },
  "data": { "registries": "ghcr.io/billing/" }
}
`,
    'shop/apps/web/deployment.yaml': deployment('web', 'shop', 'docker.io/library/nginx:1.27'),
    'shop/apps/cart/deployment.yaml': deployment('cart', 'shop', 'registry.example.com/shop/cart:2.4.1'),
    'billing/apps/invoices/deployment.yaml': deployment(
      'invoices',
      'billing',
      'quay.io/billing/invoices:5.1.0',
    ),
    'billing/apps/ledger/deployment.yaml': deployment('ledger', 'billing', 'ghcr.io/billing/ledger:1.2.0'),
    // Not selected by the binding: its namespace is not labelled.
    'tools/jobs/deployment.yaml': deployment('cleanup', 'tools', 'busybox:1.36'),
  };
  // Enough YAML elsewhere that two threads get several shards.
  for (let i = 0; i < 6; i++) {
    files[`fleet/service-${i}/deployment.yaml`] = deployment(
      `svc-${i}`,
      'fleet',
      `registry.example.com/fleet/svc-${i}:1.${i}.0`,
    );
    files[`fleet/service-${i}/settings.yaml`] = settings(`svc-${i}`, 'fleet', 900);
  }
  return writeTree(dir, files);
}

describe('--threads with a ValidatingAdmissionPolicy in the scan', () => {
  it('splits the YAML and reads bindings, params and namespaces from other shards alike', async () => {
    const dir = platformRepository();
    const one = await pooledReport(dir, 1, '--no-render');
    const two = await pooledReport(dir, 2, '--no-render');
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, .*yaml in [2-9]/);
    expect(two.stderr).not.toMatch(/links cross/);
    const findings = (
      JSON.parse(one.json) as { findings: { ruleId: string; file: string; message: string }[] }
    ).findings
      .filter((f) => f.ruleId === 'vap/trusted-registries')
      .map((f) => `${f.file} ${f.message}`);
    expect(findings).toEqual([
      'billing/apps/invoices/deployment.yaml ValidatingAdmissionPolicy trusted-registries (params ConfigMap/billing/registry-allowlist) denies Deployment/billing/invoices: images of namespace billing come from ghcr.io/billing/',
      'shop/apps/web/deployment.yaml ValidatingAdmissionPolicy trusted-registries (params ConfigMap/shop/registry-allowlist) denies Deployment/shop/web: images of namespace shop come from registry.example.com/shop/,ghcr.io/shop/',
    ]);
    expect(two.json).toBe(one.json);
  });

  it('checks Terraform and Dockerfiles while the policies are found, with the JSON of one thread', async () => {
    const dir = platformRepository();
    writeTree(dir, {
      // Names the policy where it cannot report: one thread with every rule says so.
      'shop/apps/web/Dockerfile':
        'FROM nginx:1.27\n# plumbline:ignore vap/trusted-registries -- the image is mirrored at deploy\nCOPY site/ /usr/share/nginx/html/\nUSER 101\n',
      'billing/apps/ledger/Dockerfile': 'FROM eclipse-temurin:21-jre\nCOPY ledger.jar /app/\nUSER 1000\n',
      'infra/network/main.tf':
        'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-platform-logs"\n}\n\nresource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    });
    const one = await pooledReport(dir, 1, '--no-render');
    const two = await pooledReport(dir, 2, '--no-render');
    expect(two.stderr).toMatch(/^plumbline timeline: workers started before the pending rules are found/m);
    const findings = (
      JSON.parse(one.json) as { findings: { ruleId: string; file: string; message: string }[] }
    ).findings;
    expect(
      findings.filter((f) => f.file === 'shop/apps/web/Dockerfile' && f.ruleId === 'core/unused-suppression'),
    ).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === 'vap/trusted-registries')).toHaveLength(2);
    expect(two.json).toBe(one.json);
  });
});
