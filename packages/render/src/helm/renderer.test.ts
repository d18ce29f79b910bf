import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskRenderCache } from '../cache/disk-cache.js';
import { audit, FIXTURE, filesOf, HELM } from '../test-support/audit.js';
import { HelmRenderer } from './renderer.js';

const chart = () =>
  Object.fromEntries(Object.entries(filesOf(FIXTURE)).filter(([p]) => p.startsWith('charts/')));
const at = (f: { file: string; startLine: number; startColumn: number }) =>
  `${f.file}:${f.startLine}:${f.startColumn}`;

// .ci/run unpacks a real Helm; a developer machine without one skips these (CI never does).
describe.skipIf(!HELM && !process.env.CI)('Helm rendering (real helm)', () => {
  const helm = () => new HelmRenderer({ binary: HELM! });

  it('renders every values set and points findings at the values key that caused them', async () => {
    const result = await audit(chart(), [helm()]);
    const find = (rule: string, file: string) =>
      result.findings.filter((f) => f.ruleId === rule && f.file === file).map((f) => [at(f), f.message]);
    expect(find('k8s/no-privileged-container', 'charts/shop/values-prod.yaml')).toEqual([
      [
        'charts/shop/values-prod.yaml:9:3',
        expect.stringMatching(
          /runs privileged\. \(values key `securityContext\.privileged`, used by charts\/shop\/templates\/deployment\.yaml:27\) \[in: values-prod\.yaml\]$/,
        ),
      ],
    ]);
    // The tag decides `latest`, not the repository: the values-prod.yaml `tag:` line.
    expect(find('k8s/no-latest-image', 'charts/shop/values-prod.yaml').map(([l]) => l)).toEqual([
      'charts/shop/values-prod.yaml:5:3',
    ]);
    expect(find('k8s/single-replica', 'charts/shop/values/staging.yaml').map(([l]) => l)).toEqual([
      'charts/shop/values/staging.yaml:1:1',
    ]);
    // A key written in the template: the template line, once for all the values sets it shows in.
    expect(find('k8s/require-seccomp-profile', 'charts/shop/templates/deployment.yaml').slice(0, 1)).toEqual([
      [
        'charts/shop/templates/deployment.yaml:24:11',
        expect.stringMatching(/\[in: default values, values-prod\.yaml, values\/staging\.yaml\]$/),
      ],
    ]);
    // The conditional sidecar exists in production only; the subchart renders with its parent.
    expect(
      find('k8s/no-latest-image', 'charts/shop/templates/deployment.yaml').map(([l, m]) => [l, m.slice(-24)]),
    ).toEqual([['charts/shop/templates/deployment.yaml:44:11', '. [in: values-prod.yaml]']]);
    expect(
      result.findings.some((f) => f.file === 'charts/shop/charts/cache/templates/statefulset.yaml'),
    ).toBe(true);
    // No template is skipped, no rendered path leaks into the report.
    expect(result.errors.filter((e) => e.kind === 'skipped')).toEqual([]);
    expect(result.findings.filter((f) => f.file.startsWith('@render'))).toEqual([]);
    expect(result.summary.rendering?.helm).toMatchObject({ rendered: 1, failed: 0, skipped: 0 });
  });

  it('scopes cross-object rules to one release and one values set', async () => {
    const result = await audit(chart(), [helm()]);
    // The chart's NetworkPolicy covers the Deployment, except where staging values turn it off.
    const missing = result.findings.filter(
      (f) => f.ruleId === 'k8s/network-policy-missing' && f.resource?.includes('release-name-shop'),
    );
    expect(missing.map((f) => f.message.slice(-25))).toEqual(['[in: values/staging.yaml]']);
    // `namespace: {{ .Release.Namespace }}` and no namespace at all land in the same release namespace.
    expect(result.findings.filter((f) => f.ruleId === 'k8s/no-default-namespace')).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'k8s/service-selects-nothing')).toEqual([]);
  });

  it('keeps fingerprints stable across renders and honours ignore comments in values files', async () => {
    const files = chart();
    const first = await audit(files, [helm()]);
    const second = await audit(files, [helm()]);
    expect(second.findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
    files['charts/shop/values-prod.yaml'] = files['charts/shop/values-prod.yaml']!.replace(
      '  privileged: true',
      '  # plumbline:ignore k8s/no-privileged-container -- debugging a kernel issue, removed next sprint\n  privileged: true',
    );
    const suppressed = await audit(files, [helm()]);
    const finding = suppressed.findings.find((f) => f.ruleId === 'k8s/no-privileged-container');
    expect(finding?.suppressed).toEqual({
      kind: 'inline',
      reason: 'debugging a kernel issue, removed next sprint',
    });
  });

  it('gives the same report from the render cache, and renders a chart again when any of its files changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plumbline-helm-cache-'));
    try {
      const files = chart();
      const cold = new DiskRenderCache(folder);
      const first = await audit(files, [new HelmRenderer({ binary: HELM!, cache: cold })]);
      expect(cold.stats).toEqual({ hits: 0, misses: 3, written: 3 }); // defaults, values-prod, values/staging
      const warm = new DiskRenderCache(folder);
      const second = await audit(files, [new HelmRenderer({ binary: HELM!, cache: warm })]);
      expect(warm.stats).toEqual({ hits: 3, misses: 0, written: 0 });
      const shown = (r: typeof first) => r.findings.map((f) => [at(f), f.ruleId, f.message, f.fingerprint]);
      expect(shown(second)).toEqual(shown(first));
      expect(second.summary.rendering?.helm).toMatchObject({ rendered: 1, failed: 0, skipped: 0 });
      // A file outside the chart changes no render; any file of the chart (templates may read any
      // with `.Files.Get`) renders every values set again.
      const outside = new DiskRenderCache(folder);
      await audit({ ...files, 'deploy/notes.yaml': 'owner: shop-team\n' }, [
        new HelmRenderer({ binary: HELM!, cache: outside }),
      ]);
      expect(outside.stats).toEqual({ hits: 3, misses: 0, written: 0 });
      files['charts/shop/values/staging.yaml'] += 'podLabels:\n  team: shop\n';
      const edited = new DiskRenderCache(folder);
      await audit(files, [new HelmRenderer({ binary: HELM!, cache: edited })]);
      expect(edited.stats).toEqual({ hits: 0, misses: 3, written: 3 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('renders values files named in the config, per chart', async () => {
    const files = { ...chart(), 'deploy/shop-eu.yaml': 'image:\n  tag: "2.4.0"\nreplicaCount: 1\n' };
    const result = await audit(files, [helm()], { 'charts/shop': ['deploy/*.yaml'] });
    const single = result.findings.find(
      (f) => f.ruleId === 'k8s/single-replica' && f.file === 'deploy/shop-eu.yaml',
    );
    expect(single && at(single)).toBe('deploy/shop-eu.yaml:3:1');
  });

  it('reports a template that fails to render as one finding on Chart.yaml, and goes on', async () => {
    const files = chart();
    files['charts/shop/templates/configmap.yaml'] =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "set .Values.region (token ghp_0123456789abcdefghijklmnopqrstuv)" .Values.region }}\n';
    const result = await audit(files, [helm()]);
    const errors = result.findings.filter((f) => f.ruleId === 'core/render-error');
    expect(errors.map(at)).toEqual(['charts/shop/Chart.yaml:1:1']);
    expect(errors[0]!.message).toContain('set .Values.region');
    expect(errors.map((f) => f.message).join('\n')).not.toContain('ghp_0123456789abcdefghijklmnopqrstuv');
    expect(result.summary.rendering?.helm).toMatchObject({ rendered: 0, failed: 1 });
  });

  it('renders a dependency kept beside the chart in the scan, findings on its own files', async () => {
    const files = chart();
    files['charts/shop/Chart.yaml'] +=
      '  - name: audit-log\n    version: 0.2.0\n    repository: file://../audit-log\n';
    files['charts/audit-log/Chart.yaml'] = 'apiVersion: v2\nname: audit-log\nversion: 0.2.0\n';
    files['charts/audit-log/values.yaml'] = 'image: registry.example.com/audit-log:latest\n';
    files['charts/audit-log/templates/daemonset.yaml'] = [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: {{ .Release.Name }}-audit-log',
      'spec:',
      '  selector:',
      '    matchLabels: {app: audit-log}',
      '  template:',
      '    metadata:',
      '      labels: {app: audit-log}',
      '    spec:',
      '      containers:',
      '        - name: shipper',
      '          image: {{ .Values.image }}',
      '',
    ].join('\n');
    const result = await audit(files, [helm()]);
    expect(result.errors.map((e) => e.message)).not.toContainEqual(expect.stringMatching(/not vendored/));
    // Rendered inside shop (as `charts/audit-log/` of the release) and on its own; either way the
    // finding is on the dependency's real values file.
    expect(
      result.findings
        .filter((f) => f.ruleId === 'k8s/no-latest-image' && f.file.startsWith('charts/audit-log/'))
        .map(at),
    ).toContain('charts/audit-log/values.yaml:1:1');
    expect(result.summary.rendering?.helm).toMatchObject({ rendered: 2, failed: 0 });
  });

  it('renders a chart whose dependency is not vendored, with a notice', async () => {
    const files = chart();
    files['charts/shop/Chart.yaml'] +=
      '  - name: postgresql\n    version: 15.5.0\n    repository: https://charts.bitnami.com/bitnami\n';
    const result = await audit(files, [helm()]);
    expect(result.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/dependencies not vendored in charts\/ \(postgresql\)/),
    );
    expect(result.summary.rendering?.helm).toMatchObject({ rendered: 1, failed: 0 });
  });
});

describe('without helm', () => {
  it('says once how many charts were not rendered, and the templates stay skipped', async () => {
    const result = await audit(chart(), [new HelmRenderer({ searchPath: '/nonexistent' })]);
    expect(result.errors.filter((e) => e.message.includes('not rendered')).map((e) => e.message)).toEqual([
      'helm: 1 Helm chart was not rendered: no `helm` on PATH (install Helm or pass --helm <path>); their templates are skipped',
    ]);
    expect(result.errors.filter((e) => e.kind === 'skipped' && e.file?.includes('/templates/')).length).toBe(
      5,
    );
    expect(result.summary.rendering?.helm).toMatchObject({ rendered: 0, skipped: 1 });
  });
});
