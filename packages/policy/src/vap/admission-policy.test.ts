import { MemoryFileSource, RuleRegistry, runAudit, SourceFile } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { type YamlFile, yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { policyLanguages } from '../languages.js';
import { admissionPolicyRules, findAdmissionPolicies } from './admission-policy-rules.js';
import { collectAdmissionFacts } from './collect-admission-facts.js';
import { pluralOf } from './match-constraints.js';

async function audit(files: Record<string, string>) {
  const source = new MemoryFileSource(files);
  // Through a structured clone, as a worker thread receives the policies and their facts.
  const rules = admissionPolicyRules(structuredClone(await findAdmissionPolicies(source)));
  const result = await runAudit({
    source,
    languages: policyLanguages,
    registry: new RuleRegistry(rules),
    config: testConfig(),
  });
  return {
    rules: rules.map((r) => `${r.id} ${r.meta.severity}`),
    findings: result.findings.map(
      (f) => `${f.ruleId} ${f.file}:${f.startLine}:${f.startColumn} ${f.message}`,
    ),
    descriptors: result.rules,
  };
}

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: require-probes
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments"]
  validations:
    - expression: "object.spec.template.spec.containers.all(c, has(c.readinessProbe))"
      message: every container has a readiness probe
`;

const deployment = (name: string, probe: boolean, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop${extra}
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.acme.io/${name}:1.0.0${probe ? '\n          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }' : ''}
`;

describe('ValidatingAdmissionPolicy', () => {
  it('reports a violation on the manifest it matches, as vap/<name>, and not on the compliant one', async () => {
    const r = await audit({
      'admission/require-probes.yaml': POLICY,
      'apps/web.yaml': deployment('web', false),
      'apps/api.yaml': deployment('api', true),
      'apps/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n',
    });
    expect(r.rules).toEqual(['vap/require-probes high']);
    expect(r.findings).toEqual([
      'vap/require-probes apps/web.yaml:2:1 ValidatingAdmissionPolicy require-probes denies Deployment/shop/web: every container has a readiness probe',
    ]);
    const descriptor = r.descriptors.find((d) => d.id === 'vap/require-probes');
    expect(descriptor).toMatchObject({ docsPath: 'admission/require-probes.yaml', helpUri: '' });
  });

  it('applies the binding: its matchResources, its params object and its validation actions', async () => {
    const policy = POLICY.replace(
      '  validations:',
      `  paramKind:
    apiVersion: v1
    kind: ConfigMap
  variables:
    - name: registry
      expression: "params.data.registry"
  validations:
    - expression: "object.spec.template.spec.containers.all(c, c.image.startsWith(variables.registry + '/'))"
      messageExpression: "'images must come from ' + variables.registry"`,
    );
    const binding = `---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: require-probes-prod
spec:
  policyName: require-probes
  validationActions: [Warn]
  paramRef: { name: registries, namespace: shop }
  matchResources:
    objectSelector:
      matchLabels: { tier: frontend }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: registries
  namespace: shop
data:
  registry: registry.example.org
`;
    const r = await audit({
      'admission/policy.yaml': policy + binding,
      'apps/web.yaml': deployment('web', true, '\n  labels: { tier: frontend }'),
      'apps/batch.yaml': deployment('batch', false),
    });
    expect(r.rules).toEqual(['vap/require-probes medium']);
    // batch breaks both validations but carries no `tier: frontend` label: the binding does not select it.
    expect(r.findings).toEqual([
      'vap/require-probes apps/web.yaml:2:1 ValidatingAdmissionPolicy require-probes (params ConfigMap/shop/registries) warns about Deployment/shop/web: images must come from registry.example.org',
    ]);
  });

  it('skips objects a matchCondition excludes, and namespaces a namespaceSelector does not select', async () => {
    const policy = POLICY.replace(
      '  validations:',
      `  matchConditions:
    - name: not-canary
      expression: "!object.metadata.name.endsWith('-canary')"
  validations:`,
    ).replace(
      '    resourceRules:',
      '    namespaceSelector:\n      matchLabels: { environment: production }\n    resourceRules:',
    );
    const r = await audit({
      'admission/p.yaml': policy,
      'ns.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: { environment: production }\n',
      'apps/web.yaml': deployment('web', false),
      'apps/web-canary.yaml': deployment('web-canary', false),
      'apps/other.yaml': deployment('tool', false).replace('namespace: shop', 'namespace: tools'),
    });
    expect(r.findings.map((f) => f.split(' ')[1])).toEqual(['apps/web.yaml:2:1']);
  });

  it('reports an expression that does not compile on the policy itself, and one that fails on a unit on that unit', async () => {
    const r = await audit({
      'admission/p.yaml': POLICY.replace(
        'has(c.readinessProbe))',
        "has(c.readinessProbe)) && authorizer.requestResource.check('x').allowed()",
      ),
      'apps/web.yaml': deployment('web', false),
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatch(
      /^vap\/require-probes admission\/p\.yaml:13:19 .*does not compile: undeclared reference to 'authorizer'.*not supported/,
    );

    const failing = await audit({
      'admission/p.yaml': POLICY.replace('has(c.readinessProbe)', 'c.readinessProbe.httpGet.port > 0'),
      'apps/web.yaml': deployment('web', false),
      'apps/api.yaml': deployment('api', true),
    });
    expect(failing.findings).toEqual([
      'vap/require-probes apps/web.yaml:2:1 ValidatingAdmissionPolicy require-probes: validations[0] could not be evaluated: field not found: readinessProbe',
    ]);
  });

  it("checks a pod policy on workloads' pod templates, reporting only definite failures there", async () => {
    const podPolicy = POLICY.replace('apiGroups: ["apps"]', 'apiGroups: [""]')
      .replace('resources: ["deployments"]', 'resources: ["pods"]')
      .replace(
        'object.spec.template.spec.containers.all(c, has(c.readinessProbe))',
        "object.spec.containers.all(c, c.image.startsWith('registry.acme.io/'))",
      )
      .replace('every container has a readiness probe', 'pods run images of registry.acme.io')
      .concat(`    - expression: "object.spec.tolerations.size() < 3"
      message: few tolerations
`);
    const r = await audit({
      'admission/p.yaml': podPolicy,
      'apps/web.yaml': deployment('web', false).replace('registry.acme.io/web', 'docker.io/web'),
      'apps/api.yaml': deployment('api', false),
      'apps/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: shop\nspec:\n  tolerations: []\n  containers:\n    - name: sh\n      image: busybox:1.36\n',
    });
    // The missing `tolerations` of templates is no finding: the API server adds default ones.
    expect(r.findings).toEqual([
      'vap/require-probes apps/pod.yaml:2:1 ValidatingAdmissionPolicy require-probes denies Pod/shop/debug: pods run images of registry.acme.io',
      'vap/require-probes apps/web.yaml:8:5 ValidatingAdmissionPolicy require-probes denies pods of Deployment/shop/web: pods run images of registry.acme.io',
    ]);
  });

  it('names resources as the API does', () => {
    expect(['Deployment', 'NetworkPolicy', 'Ingress', 'Endpoints', 'Pod'].map(pluralOf)).toEqual([
      'deployments',
      'networkpolicies',
      'ingresses',
      'endpoints',
      'pods',
    ]);
  });
});

describe('findAdmissionPolicies', () => {
  it('takes policies and bindings in listing order, among many files read ahead', async () => {
    const policy = (name: string) =>
      `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: ${name}\nspec:\n  validations:\n    - expression: "true"\n`;
    const binding = (policyName: string, action: string) =>
      `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: ${policyName}-${action}\nspec:\n  policyName: ${policyName}\n  validationActions: [${action}]\n`;
    const files: Record<string, string> = {};
    // Plain manifests before, between and after (more than are read ahead at once).
    for (let i = 0; i < 40; i++)
      files[`apps/svc-${String(i).padStart(2, '0')}/deployment.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n`;
    files['apps/svc-05/policy.yaml'] = policy('limits');
    files['apps/svc-30/policy.yaml'] = policy('limits'); // the same name again: the first one counts
    files['apps/svc-20/binding.yaml'] = binding('limits', 'Warn');
    files['apps/svc-35/binding.yaml'] = binding('limits', 'Audit');
    files['apps/svc-10/README.md'] = 'ValidatingAdmissionPolicy in prose, not YAML';
    // A source whose reads take a round trip each (a commit read through `git cat-file`).
    let inFlight = 0;
    let most = 0;
    const source = new MemoryFileSource(files);
    const read = source.read.bind(source);
    source.read = async (path) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return read(path);
    };
    const found = await findAdmissionPolicies(source);
    expect(most).toBeGreaterThan(8);
    expect(found.map(({ name, file, actions }) => ({ name, file, actions }))).toEqual([
      { name: 'limits', file: 'apps/svc-05/policy.yaml', actions: ['Warn', 'Audit'] },
    ]);
    // The bindings come with the policy, as its facts; no params or namespaces are read.
    expect(found[0]!.facts.bindings.map((b) => b.validationActions)).toEqual([['Warn'], ['Audit']]);
    expect(found[0]!.facts.params).toEqual([]);
    expect(found[0]!.facts.namespaces).toEqual([]);
  });

  it('collects the params its bindings name, with the namespace of their kustomization, and namespaces when read', async () => {
    const files: Record<string, string> = {
      'admission/policy.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: replica-limit
spec:
  paramKind: { apiVersion: v1, kind: ConfigMap }
  validations:
    - expression: "object.spec.replicas <= int(params.data.max)"
      messageExpression: "'at most ' + params.data.max + ' in ' + namespaceObject.metadata.name"
`,
      'admission/binding.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: replica-limit
spec:
  policyName: replica-limit
  validationActions: [Warn]
  paramRef: { name: replica-limit }
`,
      'teams/shop/kustomization.yaml': 'namespace: shop\nresources: [config/limits.yaml]\n',
      'teams/shop/config/limits.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replica-limit\ndata:\n  max: "5"\n',
      'teams/shop/config/other.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: feature-flags\ndata:\n  beta: "true"\n',
      'clusters/namespaces.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    };
    const [ref] = await findAdmissionPolicies(new MemoryFileSource(files));
    expect(ref!.facts.params.map((p) => p.resource)).toEqual(['ConfigMap/shop/replica-limit']);
    expect(ref!.facts.namespaces.map((n) => n.resource)).toEqual(['Namespace/shop']);
  });
});

describe('findAdmissionPolicies text filters', () => {
  const policy = (kind: string) => `apiVersion: admissionregistration.k8s.io/v1
kind: ${kind}
metadata:
  name: prod-only
spec:
  matchConstraints:
    namespaceSelector: { matchLabels: { environment: production } }
  validations:
    - expression: "true"
`;
  const namespace = (name: string, kind: string) =>
    `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  labels: { environment: production }\n`;
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const files = (): Record<string, string | Buffer> => ({
    'admission/policy.yaml': policy('"ValidatingAdmission\\x50olicy"'),
    'ns/a.yaml': namespace('a', 'Namespace'),
    'ns/b.json': `{\n  "apiVersion": "v1", "kind": "\\u004eamespace", "metadata": {"name": "b"}}\n`,
    'ns/c.yaml': namespace('c', '"Name\\\n    space"'),
    'ns/d.yaml': utf16(namespace('d', 'Namespace')),
    'ns/e.yaml': namespace('e', '!!str Namespace'),
    'crds/crd.yaml':
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:\n  description: The Namespace of the object.\n',
    'ns/list.yaml': `apiVersion: v1\nkind: List\nitems:\n  - ${namespace('f', 'Namespace').replace(/\n(?=.)/g, '\n    ')}`,
  });

  it('sees kinds spelled with escapes, in flow style, JSON or UTF-16, as the engine does', async () => {
    const found = await findAdmissionPolicies(new MemoryFileSource(files()));
    expect(found.map((p) => p.name)).toEqual(['prod-only']);
    expect(found[0]!.facts.namespaces.map((n) => n.resource)).toEqual([
      'Namespace/a',
      'Namespace/b',
      'Namespace/c',
      'Namespace/d',
      'Namespace/e',
      'Namespace/f',
    ]);
  });

  it('collects the same facts as parsing every file would', async () => {
    const source = new MemoryFileSource(files());
    const [ref] = await findAdmissionPolicies(source);
    const everything = collectAdmissionFacts(
      [{ name: ref!.name, policy: ref!.facts.policy, bindings: ref!.facts.bindings }],
      Object.keys(files()),
      (path) => {
        const bytes = files()[path]!;
        const text = typeof bytes === 'string' ? bytes : bytes.subarray(2).toString('utf16le');
        return yamlLanguage.parse(new SourceFile(path, text)).model as YamlFile | undefined;
      },
    );
    expect(ref!.facts).toEqual(everything[0]);
  });
});
