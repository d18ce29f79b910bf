import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { fusedGiveUpReason, type ReadWay } from '../language.js';
import { randomEdits, seeded } from '../native-lexer/random-edits.js';
import { generatedYaml } from './generated-yaml.js';
import { readModel } from './read-model.js';

/** `readModel` as one string (key order, -0, NaN and the infinities kept). */
function model(path: string, text: string, way: ReadWay): string {
  const file = new SourceFile(path, text, { repoPath: path });
  return JSON.stringify(readModel(file, way, true), (_key, value) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return `#${value}`;
    if (ArrayBuffer.isView(value)) return Array.from(value as Int32Array);
    return value;
  });
}

/** The fused reader's answer and the old path's (its oracle) are the same; whether it took the text. */
function sameAsOracle(path: string, text: string): string | undefined {
  expect(model(path, text, {}), JSON.stringify(text)).toBe(model(path, text, { fused: false }));
  return fusedGiveUpReason(new SourceFile(path, text, { repoPath: path }));
}

const DEPLOYMENT = `# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the app
  namespace: "prod"
  labels:
    app.kubernetes.io/name: web
    'tier': frontend
  annotations: {}
spec:
  replicas: 3
  revisionHistoryLimit: 0x0A
  selector:
    matchLabels:
      app: web

  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
      - name: web
        image: "nginx:1.25.3"
        args: ["--port", "8080", --verbose]
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
          - name: EMPTY
            value:
          - name: RATIO
            value: 0.75
          - name: NOTHING
            value: ~
        resources:
          limits: {cpu: 500m, memory: 256Mi}
          requests:
            cpu: 100m
            memory: 128Mi
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
          initialDelaySeconds: 10
            # an indented comment after a value
        readinessProbe:
          exec:
            command:
            - sh
            - -c
            - >-
              test -f /tmp/ready &&
              echo ok
      # a comment at the containers' level
      volumes: []
`;

const MULTI = `---
apiVersion: v1
kind: Namespace
metadata:
  name: demo
---
# Service for the demo
apiVersion: v1
kind: Service
metadata:
  name: demo
spec:
  ports:
    - port: 80
      targetPort: 8080
      # trailing comment of the ports, kept by the map
  type: ClusterIP

---

---
apiVersion: v1
kind: ConfigMap
metadata:
  name: demo-config
data:
  app.properties: |
    key=value
    # not a comment: content

    other=2
  empty:
  "quoted: key": 'it''s'
  escaped: "tab\\there \\u00e9"
  folded: >
    one
    two

    three
  plain multi: first line
    second line
`;

const WORKFLOW = `name: Release
on:
  push:
    tags: ['v*']
  workflow_dispatch:

permissions: {}

jobs:
  publish:
    if: github.repository == 'acme/tool'
    runs-on: ubuntu-22.04
    permissions:
      contents: write   # to upload release assets
      id-token: write
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
        with:
          fetch-depth: 0
      - name: Build
        run: |
          make dist VERSION="\${GITHUB_REF_NAME#v}"
          # shell comment, not YAML
          sha256sum dist/* > SHA256SUMS
        env:
          CGO_ENABLED: 0
      -
        name: Upload
        uses: softprops/action-gh-release@v1
        with:
          files: 'dist/*'
          draft: false
  # a comment at the jobs' level
  notify:
    needs: [publish]
    runs-on: ubuntu-latest
    steps:
    - run: echo done
`;

const JSON_MANIFEST = `{
  "apiVersion": "v1",
  "kind": "ConfigMap",
  "metadata": {"name": "settings", "labels": {"app": "web"}},
  "data": {
    "replicas": "3",
    "flags": ["-v", "--debug"],
    "empty": {}
  },
  "immutable": true,
  "ratio": -1.5e3,
  "nothing": null
}
`;

const ARGO = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  templates:
  - name: main
    steps:
    - - name: a
        template: t
      - name: b
        template: t
    - - name: c
        template: t
`;

describe('the fused reader', () => {
  it('reads realistic files exactly as the old path does', () => {
    expect(sameAsOracle('k8s/deployment.yaml', DEPLOYMENT)).toBeUndefined();
    expect(sameAsOracle('k8s/all.yaml', MULTI)).toBeUndefined();
    expect(sameAsOracle('.github/workflows/ci.yml', WORKFLOW)).toBeUndefined();
    expect(sameAsOracle('argo/workflow.yaml', ARGO)).toBeUndefined();
    expect(sameAsOracle('k8s/configmap.json', JSON_MANIFEST)).toBeUndefined();
    expect(sameAsOracle('k8s/configmap.yaml', JSON_MANIFEST)).toBeUndefined();
    // The same texts where another reading applies: a workflow's unique keys, lenient manifests.
    expect(sameAsOracle('ci.yml', WORKFLOW)).toBeUndefined();
    expect(sameAsOracle('.github/workflows/deploy.yml', DEPLOYMENT)).toBeUndefined();
  });

  it('keeps the ranges the Composer gives around trailing comments and empty values', () => {
    const cases = [
      'a:\n  b: 1\n    # deeper than b\nc: 2\n',
      'a:\n  b: 1\n  # at b\nc: 2\n',
      'a:\n  b: 1\n\n  # at b after a blank line\n\nc: 2\n',
      'a:\n  b:   # nothing\n  # more\nc: 2\n',
      'a:\n  b:\n\n\nc: 2\n',
      'a:\n  - x\n  # at the dash\nb: 1\n',
      'a:\n- x\n    # deeper\n- y\n  # at 2\nb: 1\n',
      'k: v # c\n',
      'k: v',
      'k:',
      'k: # only a comment',
      'a:\n  b: |\n    text\n\n  # after the block\nc: 1\n',
      'a:\n  b: [x] # flow\n      # deeper\nc: 1\n',
      // A last key with nothing after it, a comment line, then `---`: the range ends at the comment.
      'k:\n# c\n---\nkind: Y\n',
      'k:\n  # deeper\n\n# c\n\n---\nkind: Y\n',
      // A collection at column 0 never keeps the comments after it: they go to the document.
      'z:\n- x\n# after a sequence at column 0\n',
    ];
    for (const text of cases) expect(sameAsOracle('m.yaml', `kind: X\n${text}`), text).toBeUndefined();
  });

  it('gives up on what it does not read, and the old path reads it', () => {
    const cases: [string, string][] = [
      ['kind: A\nbase: &b {x: 1}\nother: *b\n', 'value starting with an anchor'],
      ['kind: A\nv: !!str 1\n', 'value starting with a tag'],
      ['%YAML 1.2\n---\nkind: A\n', 'directive'],
      ['kind: A\n? complex\n: value\n', 'key starting with "? "'],
      ['kind: A\nm:\n  <<: {x: 1}\n', 'a scalar type left to the Composer'],
      ['kind: A\nkind: B\n', 'key the builder leaves to the Composer'],
      ['kind: A\nbad: "unclosed\n', 'unclosed quote'],
      ['kind: A\r\nb: 1\r\n', 'carriage return'],
      ['\uFEFFkind: A\n', 'byte order mark'],
      ['kind: A\nb:\n\t- x\n', 'tab'],
      ['kind: A\n...\n', 'document end marker'],
      ['kind: A\n  b: 1\n', 'a second key on a line'],
      ['kind: A\nb: "1"\n  c: 2\n', 'line indented past its map'],
      ['{\n  "kind": "A",\n---\n}\n', 'document marker in a flow collection'],
      ['kind: A\nb: {{HF_TOKEN}}\n', 'key starting with a flow collection'],
      ['kind: A\nb: [1,\n  2]\n', 'flow collection over lines'],
      ['kind: A\nd: 2001-12-14\n', ''],
    ];
    for (const [text, reason] of cases) {
      // A workflow's keys are unique: a repeat is an error there (and leniently kept elsewhere).
      const path = text.startsWith('kind: A\nkind') ? '.github/workflows/x.yml' : 'm.yaml';
      const why = sameAsOracle(path, text);
      if (reason) expect(why, text).toBe(reason);
    }
    // A repeated key in a manifest keeps its last value, as kubectl does: read, not given up.
    expect(sameAsOracle('m.yaml', 'kind: A\nkind: B\n')).toBeUndefined();
  });

  it('equals the old path over seeded random edits of realistic files', () => {
    const random = seeded(17);
    const bases = [DEPLOYMENT, MULTI, WORKFLOW, ARGO, JSON_MANIFEST];
    let read = 0;
    for (let n = 0; n < 500; n++) {
      const text = randomEdits(bases[n % bases.length]!, random);
      const path = n % 3 === 0 ? '.github/workflows/ci.yml' : 'k8s/app.yaml';
      if (sameAsOracle(path, text) === undefined) read++;
    }
    // Most edits still leave plain YAML: the comparison is not only of texts it gives up on.
    expect(read).toBeGreaterThan(120);
  });

  it('equals the old path over seeded random generated YAML', () => {
    const random = seeded(23);
    let read = 0;
    for (let n = 0; n < 700; n++) {
      const text = `kind: Generated\n---\n${generatedYaml(random)}`;
      if (sameAsOracle(n % 4 === 0 ? '.github/workflows/g.yml' : 'g.yaml', text) === undefined) read++;
    }
    expect(read).toBeGreaterThan(300);
  });
});
