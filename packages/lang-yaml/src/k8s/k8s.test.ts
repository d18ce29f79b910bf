import { Project, SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../language.js';
import { k8sGraph, selectorMatches } from './graph.js';
import { k8sObjectsOf } from './object.js';
import { derivedPodLabels, podSpecsOf } from './pod.js';

function project(files: Record<string, string>): Project {
  return new Project(
    Object.entries(files).flatMap(([path, text]) => {
      const file = new SourceFile(path, text);
      const r = parseYaml(file);
      return r.model ? [{ language: 'yaml', file, model: r.model, comments: r.comments }] : [];
    }),
  );
}

const span = (loc: { file: SourceFile; start: number; end: number } | undefined) =>
  loc?.file.span(loc.start, loc.end);

describe('Kubernetes object model', () => {
  it('unwraps List kinds and resolves object-relative routes', () => {
    const file = new SourceFile(
      'k8s/list.yaml',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a, namespace: ns}\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: ClusterRole\n    metadata:\n      name: reader\n',
    );
    const objects = k8sObjectsOf(parseYaml(file).model!);
    expect(objects.map((o) => o.resource)).toEqual(['ConfigMap/ns/a', 'ClusterRole/reader']);
    expect(span(objects[1]!.at(['metadata', 'name']))).toEqual({
      startLine: 10,
      startColumn: 13,
      endLine: 10,
      endColumn: 19,
    });
    expect(objects[1]!.group).toBe('rbac.authorization.k8s.io');
    expect(span(objects[1]!.loc)?.startLine).toBe(7);
  });

  it('builds pod views for workloads, merging security contexts the kubelet way', () => {
    const file = new SourceFile(
      'k8s/cron.yaml',
      [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: nightly}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        metadata: {labels: {app: nightly}}',
        '        spec:',
        '          securityContext: {runAsNonRoot: true, runAsUser: 1000}',
        '          initContainers:',
        '            - name: init',
        '              image: busybox:1.36',
        '          containers:',
        '            - name: job',
        '              image: app:1',
        '              securityContext: {runAsUser: 0, privileged: true}',
        '',
      ].join('\n'),
    );
    const [object] = k8sObjectsOf(parseYaml(file).model!);
    const [pod] = podSpecsOf(object!);
    expect(pod!.workloadClass).toBe('batch');
    expect(pod!.labels).toEqual({ app: 'nightly' });
    expect(pod!.containers.map((c) => [c.kind, c.name])).toEqual([
      ['init', 'init'],
      ['container', 'job'],
    ]);
    const [init, job] = pod!.containers;
    expect(init!.security('runAsUser')).toMatchObject({ value: 1000, from: 'pod' });
    expect(job!.security('runAsUser')).toMatchObject({ value: 0, from: 'container' });
    expect(init!.security('privileged')).toBeUndefined();
    expect(job!.security('runAsNonRoot')?.value).toBe(true);
    expect(span(object!.at(job!.security('privileged')!.route))).toEqual({
      startLine: 17,
      startColumn: 59,
      endLine: 17,
      endColumn: 63,
    });
  });

  it('gives one pod view per Argo template that runs a pod, with workflow-level fallbacks', () => {
    const file = new SourceFile(
      'wf.yaml',
      'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: w}\nspec:\n  workflowSpec:\n    securityContext: {runAsNonRoot: true}\n    templates:\n      - name: main\n        steps: []\n      - name: build\n        container: {image: "a:1"}\n      - name: run\n        script: {image: "b:1", source: echo}\n        sidecars: [{name: s, image: "c:1"}]\n',
    );
    const [object] = k8sObjectsOf(parseYaml(file).model!);
    const views = podSpecsOf(object!);
    expect(views.map((v) => [v.templateName, v.containers.map((c) => c.name)])).toEqual([
      ['build', ['main']],
      ['run', ['main', 's']],
    ]);
    expect(views[0]!.containers[0]!.security('runAsNonRoot')?.value).toBe(true);
  });

  it('leaves a Rollout with workloadRef without a pod view', () => {
    const file = new SourceFile(
      'r.yaml',
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n',
    );
    expect(podSpecsOf(k8sObjectsOf(parseYaml(file).model!)[0]!)).toEqual([]);
  });
});

describe('K8sGraph', () => {
  it('indexes by namespace, inherits kustomize namespaces and marks patches partial', () => {
    const graph = k8sGraph(
      project({
        'base/kustomization.yaml':
          'namespace: shop\nresources: [deploy.yaml]\npatches:\n  - path: more.yaml\n',
        'base/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {app: web}}\nspec:\n  template:\n    metadata: {labels: {app: web, tier: fe}}\n    spec:\n      containers: [{name: web, image: "web:1"}]\n',
        'base/more.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n',
        'other/svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}}\n',
      }),
    );
    expect(graph.objects.map((o) => [o.resource, o.partial])).toEqual([
      ['Deployment/shop/web', false],
      ['Deployment/shop/web', true],
      ['Service/default/web', false],
    ]);
    expect(graph.podsSelectedBy('shop', { matchLabels: { app: 'web' } })).toHaveLength(1);
    expect(graph.podsSelectedBy('default', { app: 'web' })).toHaveLength(0);
    expect(graph.find('Deployment', 'shop', 'web')).toHaveLength(2);
  });

  it('evaluates matchExpressions', () => {
    const labels = { app: 'web', tier: 'fe' };
    expect(
      selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, labels),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['fe'] }] }, labels),
    ).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, labels)).toBe(
      true,
    );
    expect(selectorMatches({ matchLabels: { app: 'api' } }, labels)).toBe(false);
    expect(selectorMatches({}, labels)).toBe(true);
  });
});

describe('pods derived from a template', () => {
  it('counts the templates of a Rollout canary experiment as pods a selector may select', () => {
    const p = project({
      'k8s/rollout.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web, tier: front}}\n    spec: {containers: [{name: web, image: "web:1"}]}\n  strategy:\n    canary:\n      steps:\n        - experiment:\n            templates:\n              - {name: preview, specRef: canary, metadata: {labels: {app: web-preview}}}\n',
    });
    const graph = k8sGraph(p);
    expect(derivedPodLabels(graph.ofKind('Rollout')[0]!)).toEqual([{ app: 'web-preview', tier: 'front' }]);
    expect(graph.podsSelectedBy('default', { app: 'web-preview' })).toEqual([]);
    expect(graph.selectsAnyPod('default', { app: 'web-preview' })).toBe(true);
    expect(graph.selectsAnyPod('default', { app: 'web' })).toBe(true);
    expect(graph.selectsAnyPod('default', { app: 'api' })).toBe(false);
  });
});

describe('K8sGraph completeness signals', () => {
  it('knows which image tags kustomizations set and which namespaces run operator-managed pods', () => {
    const graph = k8sGraph(
      project({
        'overlays/prod/kustomization.yaml':
          'resources: [../../base]\nimages:\n  - name: ghcr.io/org/app\n    newTag: 1.2.3\n',
        'base/prom.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n',
        'base/rule.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: r, namespace: shop}\n',
        'overlays/prod/app.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec: {containers: [{name: app, image: ghcr.io/org/app}]}\n',
        'team-b/app.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: other}\nspec: {containers: [{name: app, image: ghcr.io/org/app}]}\n',
      }),
    );
    const [pod, other] = graph.ofKind('Pod');
    const [rule] = graph.ofKind('PrometheusRule');
    // The override applies to its own folder and the bases it names, not to an unrelated folder.
    expect(graph.kustomizeImageOverride(pod!, 'ghcr.io/org/app')).toMatchObject({ tag: '1.2.3' });
    expect(graph.kustomizeImageOverride(rule!, 'ghcr.io/org/app')).toMatchObject({ tag: '1.2.3' });
    expect(other!.name).toBe('other');
    expect(graph.kustomizeImageOverride(other!, 'ghcr.io/org/app')).toBeUndefined();
    expect(graph.around(pod!).objects.map((o) => o.name)).toEqual(['app']);
    expect(graph.mayRunUnlistedPods('monitoring')).toBe(true);
    expect(graph.mayRunUnlistedPods('shop')).toBe(false);
  });
});

describe('K8sGraph.around (the deployment unit a cross-object rule sees)', () => {
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;
  const graph = k8sGraph(
    project({
      'namespace.yaml': cm('at-root'),
      'apps/shop/base/deploy.yaml': cm('shop-base'),
      'apps/shop/base/extra/more.yaml': cm('shop-extra'),
      'apps/shop/config.yaml': cm('shop'),
      'apps/shopfront/config.yaml': cm('shopfront'),
      'apps/billing/config.yaml': cm('billing'),
      'apps/config.yaml': cm('apps'),
    }),
  );
  const names = (name: string) =>
    graph
      .around(graph.ofKind('ConfigMap').find((o) => o.name === name)!)
      .objects.map((o) => o.name)
      .sort();

  it('holds the folders above and below a loose manifest, never a sibling tree', () => {
    expect(names('shop')).toEqual(['apps', 'at-root', 'shop', 'shop-base', 'shop-extra']);
    // `apps/shopfront` shares a name prefix with `apps/shop` but is a sibling.
    expect(names('shopfront')).toEqual(['apps', 'at-root', 'shopfront']);
    expect(names('shop-extra')).toEqual(['apps', 'at-root', 'shop', 'shop-base', 'shop-extra']);
    expect(names('apps')).toEqual([
      'apps',
      'at-root',
      'billing',
      'shop',
      'shop-base',
      'shop-extra',
      'shopfront',
    ]);
  });

  it('gives a manifest at the root every loose manifest, in the graph order', () => {
    const all = graph.ofKind('ConfigMap').map((o) => o.name);
    const root = graph.ofKind('ConfigMap').find((o) => o.name === 'at-root')!;
    expect(graph.around(root).objects.map((o) => o.name)).toEqual(all);
  });
});
