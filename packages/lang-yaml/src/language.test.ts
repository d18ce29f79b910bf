import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './language.js';

const spanOf = (file: SourceFile, loc: { start: number; end: number } | undefined) =>
  loc && file.span(loc.start, loc.end);

describe('parseYaml', () => {
  it('parses every document of a multi-document manifest and classifies it', () => {
    const file = new SourceFile(
      'k8s/app.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n---\n# a comment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "nginx:latest"   # pinned? no\n',
    );
    const { model, problems, comments } = parseYaml(file);
    expect(problems).toEqual([]);
    expect(model?.documents.map((d) => [d.index, d.kind])).toEqual([
      [0, 'k8s'],
      [1, 'k8s'],
    ]);
    const deployment = model!.documents[1]!;
    const route = ['spec', 'template', 'spec', 'containers', 0, 'image'];
    expect(deployment.get(route)).toBe('nginx:latest');
    expect(spanOf(file, deployment.at(route))).toEqual({
      startLine: 15,
      startColumn: 18,
      endLine: 15,
      endColumn: 32,
    });
    expect(spanOf(file, deployment.keyAt(route))).toEqual({
      startLine: 15,
      startColumn: 11,
      endLine: 15,
      endColumn: 16,
    });
    expect(spanOf(file, deployment.nearest([...route.slice(0, 5), 'resources']))).toEqual({
      startLine: 14,
      startColumn: 11,
      endLine: 14,
      endColumn: 20,
    });
    expect(comments.map((c) => [c.line, c.text.trim(), c.ownLine])).toEqual([
      [5, 'a comment', true],
      [15, 'pinned? no', false],
    ]);
  });

  it('turns a syntax error into a located problem and keeps the good documents', () => {
    const file = new SourceFile(
      'k8s/bad.yaml',
      'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n data: y\n',
    );
    const { model, problems } = parseYaml(file);
    expect(model?.documents).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(file.position(problems[0]!.loc.start).line).toBe(8);
  });

  it('reads each document once when the native parser gives up after some of them', () => {
    // The third document is one yaml's Parser keeps an error in (a scalar after a flow map), so the
    // native parser gives up there, after handing over the first two: yaml's Parser reads the file
    // again and the first two it yields are skipped.
    const file = new SourceFile(
      'k8s/svc.yaml',
      'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n---\napiVersion: v1\nkind: Service\nspec:\n  clusterIP: {SERVICE_IP_PREFIX}.16\n',
    );
    const { model, problems } = parseYaml(file);
    expect(model?.documents.map((d) => [d.index, d.get(['kind'])])).toEqual([
      [0, 'ConfigMap'],
      [1, 'Secret'],
    ]);
    expect(problems).toHaveLength(1);
    expect(file.position(problems[0]!.loc.start).line).toBe(10);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const file = new SourceFile('k8s/bomb.yaml', `${lines.join('\n')}\n`);
    const { model, problems } = parseYaml(file);
    expect(model).toBeUndefined();
    expect(problems[0]?.message).toMatch(/alias/);
  });

  it('skips Helm templates with a notice, but parses Argo {{inputs}} placeholders and workflows', () => {
    const helm = parseYaml(
      new SourceFile(
        'chart/templates/d.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
      ),
    );
    expect(helm.model).toBeUndefined();
    expect(helm.skipped).toMatch(/Helm/);
    const prom = parseYaml(
      new SourceFile(
        'rules.yaml',
        "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  groups:\n    - rules:\n        - alert: A\n          annotations: {description: '{{ $value }} on {{ $labels.pod }}'}\n",
      ),
    );
    expect(prom.model?.documents[0]?.kind).toBe('k8s');
    const helmVar = parseYaml(
      new SourceFile(
        'chart/templates/x.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ $fullName }}\n',
      ),
    );
    expect(helmVar.skipped).toMatch(/Helm/);
    const argo = parseYaml(
      new SourceFile(
        'wf.yaml',
        'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  arguments: ["{{inputs.parameters.x}}"]\n',
      ),
    );
    expect(argo.model?.documents[0]?.kind).toBe('k8s');
    const wf = parseYaml(
      new SourceFile(
        '.github/workflows/ci.yml',
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.sha }} {{version}}\n',
      ),
    );
    expect(wf.model?.documents[0]?.kind).toBe('gha-workflow');
  });

  it('recognises workflows outside .github/workflows by content, and Dependabot files by path', () => {
    const kinds = (path: string, text: string) =>
      parseYaml(new SourceFile(path, text)).model?.documents.map((d) => d.kind) ?? [];
    const template =
      'name: Go\non:\n  push:\n    branches: [$default-branch]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go test ./...\n';
    expect(kinds('workflow-templates/go.yml', template)).toEqual(['gha-workflow']);
    const reusable =
      'on:\n  workflow_call: {}\njobs:\n  call:\n    uses: org/ci/.github/workflows/go.yml@v2\n';
    expect(kinds('ci/shared/build.yaml', reusable)).toEqual(['gha-workflow']);
    // Top-level on/jobs in something else (a scheduler's config): jobs without a runner are not a workflow.
    expect(kinds('config/cron.yml', 'on: boot\njobs:\n  backup:\n    schedule: daily\n')).toEqual(['other']);
    expect(kinds('.github/dependabot.yml', 'version: 2\nupdates: []\n')).toEqual(['dependabot']);
    expect(kinds('examples/dependabot.yml', 'version: 2\nupdates: []\n')).toEqual([]);
  });

  it('does not parse YAML that is neither a manifest nor a workflow', () => {
    expect(parseYaml(new SourceFile('config/app.yaml', 'port: 8080\n')).model).toBeUndefined();
    expect(parseYaml(new SourceFile('data.json', '{"apiVersion": 3}')).model).toBeUndefined();
  });

  it('does not take a comment-looking line inside a block scalar for a comment', () => {
    const file = new SourceFile(
      '.github/workflows/x.yml',
      'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          # plumbline:ignore x\n          echo\n',
    );
    expect(parseYaml(file).comments).toEqual([]);
  });
});

describe('template detection', () => {
  it('keeps Prometheus alert templates, skips chart templates', () => {
    const alert = parseYaml(
      new SourceFile(
        'k8s/rules.yaml',
        "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  groups:\n    - rules:\n        - alert: X\n          annotations:\n            description: 'rate {{ $value | humanizePercentage }} on {{ $labels.pod }}'\n",
      ),
    );
    expect(alert.skipped).toBeUndefined();
    expect(alert.model?.documents).toHaveLength(1);
    for (const text of [
      '  name: {{ include "x.fullname" . }}\n',
      '{{- if .Values.x }}\n',
      '  labels: {{ toYaml .Values.l | nindent 4 }}\n',
    ]) {
      expect(
        parseYaml(new SourceFile('chart/templates/a.yaml', `apiVersion: v1\nkind: Pod\nmetadata:\n${text}`))
          .skipped,
      ).toMatch(/Helm/);
    }
  });
});
