import { describe, expect, it } from 'vitest';
import { Lexer, Parser, parseAllDocuments } from 'yaml';
import { lexNative } from '../native-lexer/native-lexer.js';
import { randomEdits, seeded } from '../native-lexer/random-edits.js';
import { parseNative, parseNativeOrReason, parseNativeTo } from './native-parser.js';

const yamlNodes = (text: string): unknown[] => [...new Parser().parse(text)];

/** The native lexer's tokens: every text here must be one it reads, or the test reads nothing. */
function nativeTokens(text: string): string[] {
  const tokens = lexNative(text);
  expect(tokens, `native lexer gave up on ${JSON.stringify(text)}`).toBeDefined();
  return tokens!;
}

/** Read natively, node for node what `yaml`'s Parser gives, fields in the same order. */
function expectNative(text: string): void {
  const nodes = parseNativeOrReason(nativeTokens(text));
  const yaml = yamlNodes(text);
  expect(typeof nodes === 'string' ? `gave up: ${nodes}` : nodes, JSON.stringify(text)).toStrictEqual(yaml);
  expect(JSON.stringify(nodes), JSON.stringify(text)).toBe(JSON.stringify(yaml));
}

/** A well-formed file: no parse errors, read natively and the same. */
function expectNativeValid(text: string): void {
  for (const doc of parseAllDocuments(text)) expect(doc.errors, text).toEqual([]);
  expectNative(text);
}

/** Gives up, with `reason`, on the tokens of `yaml`'s Lexer (the native one gives up on some of these texts first). */
function expectGivesUp(text: string, reason: string): void {
  const tokens = [...new Lexer().lex(text)];
  expect(parseNativeOrReason(tokens), JSON.stringify(text)).toBe(reason);
  expect(parseNative(tokens)).toBeUndefined();
}

const DEPLOYMENT = `# Source: api/templates/deployment.yaml
# Rendered for the staging cluster.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: staging   # moved from default in #412
  labels:
    app.kubernetes.io/name: api
    app.kubernetes.io/part-of: shop

  annotations:
    deployment.kubernetes.io/revision: "7"
spec:
  replicas: 2
  revisionHistoryLimit: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: api
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: api
      # The image is pinned by digest; renovate bumps it.
      containers:
      - name: api
        image: registry.example.com/shop/api@sha256:4c1e3b3a5f0e9d2c7b8a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c
        imagePullPolicy: IfNotPresent
        args: ["serve", "--config", /etc/api/config.yaml]
        ports:
        - name: http
          containerPort: 8080
        - name: metrics
          containerPort: 9090
        env:
        - name: DATABASE_URL
          valueFrom:
            secretKeyRef:
              name: api-db
              key: url
        # - name: DEBUG
        #   value: "1"
        - name: LOG_FORMAT
          value: json
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          initialDelaySeconds: 5
        resources:
          limits:
            memory: 512Mi
          requests:
            cpu: 100m
            memory: 256Mi
        securityContext:
          runAsNonRoot: true
          readOnlyRootFilesystem: true
          capabilities:
            drop:
            - ALL
      volumes:
      - name: config
        configMap:
          name: api-config
      nodeSelector: {}
      tolerations: []
`;

const WORKFLOW = `name: CI

on:
  push:
    branches: [main, 'release/**']
  pull_request:
    paths-ignore:
      - '**.md'
      - docs/**

permissions:
  contents: read

concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  test:
    runs-on: \${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, macos-latest]
        node: [18, 20]
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm

      - name: Install
        run: npm ci
      - name: Test
        run: |
          npm run build
          npm test -- --coverage
          # a shell comment, not a YAML one
          echo "done: \${{ matrix.os }}"
        env:
          CI: true
      - name: Upload coverage
        if: always()
        run: >-
          curl -sSf https://codecov.io/bash
          | bash -s -- -f coverage/lcov.info

  release:
    needs: [test]
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
    - run: |
        set -euo pipefail

        ./scripts/release.sh "\${GITHUB_SHA}"
`;

const HELM_VALUES = `## @section Global parameters
## Global Docker image parameters
##
global:
  imageRegistry: ""
  ## E.g.
  ## imagePullSecrets:
  ##   - myRegistryKeySecretName
  ##
  imagePullSecrets: []

## @section Common parameters

## @param nameOverride String to partially override the fullname
##
nameOverride: ""

image:
  registry: docker.io
  repository: bitnami/redis
  tag: 7.2.4-debian-12-r9
  ## Specify a imagePullPolicy
  ## ref: https://kubernetes.io/docs/concepts/containers/images/#pre-pulling-images
  ##
  pullPolicy: IfNotPresent
  debug: false

auth:
  enabled: true
  sentinel: true
  password: ""
  existingSecret:
  existingSecretPasswordKey:

master:
  count: 1
  configuration: |-
    maxmemory-policy allkeys-lru
    # keep the default save points
  disableCommands:
    - FLUSHDB
    - FLUSHALL
  extraFlags: []
    # - --maxmemory-policy allkeys-lru
  resources:
    limits: {}
    #   cpu: 250m
    #   memory: 256Mi
    requests: {}
  podSecurityContext:
    enabled: true
    fsGroup: 1001
    # sysctls:
    #   - name: net.core.somaxconn

  persistence:
    enabled: true
    accessModes:
      - ReadWriteOnce
    size: 8Gi
    annotations: {}
# Trailing comment at the top level
replica:
  replicaCount: 3
      # over-indented note after the last key
`;

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization

namespace: monitoring
namePrefix: prod-

resources:
  - ../../base
  - ingress.yaml
  # - debug-pod.yaml

commonLabels:
  env: prod

images:
  - name: grafana/grafana
    newTag: "10.2.3"

patches:
  - path: replicas.yaml
    target:
      kind: Deployment
      name: grafana
  - patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/resources/limits/memory
        value: 1Gi
    target:
      kind: Deployment

configMapGenerator:
- name: grafana-env
  literals:
  - GF_SERVER_ROOT_URL=https://grafana.example.com
  - GF_AUTH_ANONYMOUS_ENABLED=false
`;

const MULTI_DOCUMENT = `# Namespace and quota for the team.
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
...
---
# Quota
apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-a
  namespace: team-a
spec:
  hard:
    pods: "20"
    requests.cpu: "4"
--- # the role binding
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-a-admins, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects:
- kind: Group
  name: "team-a"
  apiGroup: rbac.authorization.k8s.io
... # end
---

`;

const REALISTIC = { DEPLOYMENT, WORKFLOW, HELM_VALUES, KUSTOMIZATION, MULTI_DOCUMENT };

describe('parseNative', () => {
  for (const [name, text] of Object.entries(REALISTIC)) {
    it(`reads ${name} as yaml does`, () => expectNativeValid(text));
    it(`reads ${name} with CRLF line ends`, () => expectNativeValid(text.replaceAll('\n', '\r\n')));
    it(`reads ${name} after a byte order mark`, () => expectNativeValid(`\uFEFF${text}`));
    it(`reads ${name} without its last line break`, () => expectNativeValid(text.replace(/\n+$/, '')));
    it(`reads ${name} indented by two`, () => expectNative(text.replaceAll(/^(?=.)/gm, '  ')));
  }

  it("reads where yaml's Parser puts comments and blank lines", () => {
    for (const text of [
      '',
      '\n',
      '# only a comment',
      '# a\n\n# b\n',
      'a',
      'a\n# after\n',
      'a: 1\n  # indented past the map\nb: 2\n',
      'a: 1\n\n  # indented past the map after a blank line\nb: 2\n',
      'a:\n  b: 1\n# at the top level\nc: 2\n',
      'a:\n  b: 1\n  # at the inner map\n# at the top\n\nc: 2\n',
      'a:\n  b: 1\n\n\n# last, top\n',
      'a:\n  b: 1\n    # last, deeper\n',
      'a:\n\n\nb: 2\n',
      'a:\n  # comment under an empty value\n\nb: 2\n',
      'a:\n\n# comment\n\nb:\n',
      'a: # comment after the colon\n  b: 1\n',
      'a: 1 # comment\n# next\nb: 2\n',
      'a: 1 # comment\n\nb: 2\n',
      'a: [x] # comment\n\nb: 2\n',
      '- a\n  # indented past the sequence\n- b\n',
      '- a\n\n# at the sequence\n- b\n',
      '- - a\n  - b\n-   c: d\n    e: f\n',
      '- a: 1\n  b: 2\n\n  # inside the item\n- c\n',
      'key:\n- a\n- b\nnext: 1\n',
      'key:\n  - a\n  # comment\n  - b\n',
      'a: b\nc\n',
      'key : value\n',
      'key  :  value # c\n',
      '"quoted": \'single\'\n',
      '"multi\n  line": "value\n\n  more"\n',
      'plain\n  continued: no\n',
      'a:\n  b:\n    c:\n      d: 1\ne: 2\n',
      'a: |\n  x\n\n  y\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\n',
      'a: |2\n    two more\n  b: no\n',
      '--- |\n  top-level literal\n',
      '--- >\nfolded\n...\n',
      '- |\n  in a sequence\n- >\n  again\n',
      'a: | # comment on the header\n  x\n',
    ])
      expectNative(text);
  });

  it('reads documents, markers and what comes between them as yaml does', () => {
    for (const text of [
      '---\n',
      '---',
      '--- a\n',
      '---\n---\n',
      '--- # c\n---\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      'a: 1\n...\n# after the end\n\n---\nb: 2\n',
      '...\n',
      '... # end\n---\n',
      'a: 1\n--- \nb: 2\n... \n',
      '# head\n\n---\n\n# body comment\na: 1\n',
      '\uFEFF# bom\na: 1\n',
    ])
      expectNative(text);
  });

  it('reads flow collections as yaml does', () => {
    for (const text of [
      '[a, b]\n',
      '{a: 1, b: [2, 3]}\n',
      'x: [a, [b, {c: d}], "e":f]\n',
      'x: {"a":1, b: [], c: {}}\n',
      'x: [\n  a,\n  b\n]\n',
      'x: [ # comment\n    a ]\n',
      'x: [a: 1, b]\n',
      'x: [a, , b]\n',
      'x: [a, b,]\n',
      'x: {a, b: }\n',
      '[a]: b\n',
      '[a] : b\n',
      '{a: 1}  : b # c\n',
      '  [a, b]\n',
      '--- {a: 1}\n',
      '{a: 1}: b\n',
      'x:\n  [a]: 1\n  [b]: 2\n',
      '- [a, b]\n- {c: d}\n',
      'x: [a,\n  b] # comment\ny: 1\n',
    ])
      expectNative(text);
  });

  it('gives up on what it does not build', () => {
    expectGivesUp('a: &anchor 1\nb: *anchor\n', 'anchor');
    expectGivesUp('b: *anchor\n', 'alias');
    expectGivesUp('a: !Ref b\n', 'tag');
    expectGivesUp('%YAML 1.2\n---\na: 1\n', 'directive');
    expectGivesUp('? a\n: b\n', 'explicit key');
    expectGivesUp('a:\n  b: [x,\n c]\n', 'flow error end');
    // Errors yaml's Parser keeps in a value's `end` or yields as error tokens.
    expectGivesUp('  clusterIP: {SERVICE_IP_PREFIX}.16\n', 'scalar after a value on its line');
    expectGivesUp("a: 'x' y\n", 'scalar after a value on its line');
    // A Helm template: the `{{ }}` line is a finished document value, the next line cannot follow it.
    expectGivesUp('{{ if .Values.enabled -}}\napiVersion: v1\n', 'scalar after a value on its line');
    expectGivesUp('{{ if .Values.enabled -}}\n\napiVersion: v1\n', 'scalar outside a document');
    expectGivesUp('  a: 1\nb: 2\n', 'scalar after a value on its line');
    expectGivesUp('a: - b\n', 'sequence on the line of its key');
    // yaml's Parser reads a `-` at a map's indentation after a key with a value on its line this way too.
    expectGivesUp('a: 1\n- b\n', 'sequence on the line of its key');
    expectGivesUp('x: {a: b: c}\n', 'block map in a flow collection');
    expectGivesUp('x: [- a]\n', 'block-seq in a flow collection');
    expectGivesUp(']\n', 'flow-seq-end at the start of a document');
    expectGivesUp('- a\n]\n', 'flow-seq-end outside a document');
  });

  it('hands over, before giving up, the nodes yaml yields first', () => {
    const text = `${MULTI_DOCUMENT}apiVersion: v1\nkind: Service\nspec:\n  clusterIP: {SERVICE_IP_PREFIX}.16\n`;
    const handed: unknown[] = [];
    const gaveUp = parseNativeTo(nativeTokens(text), (node) => handed.push(node));
    expect(gaveUp).toEqual({ reason: 'scalar after a value on its line', handed: handed.length });
    expect(handed.length).toBeGreaterThan(3);
    expect(JSON.stringify(handed)).toBe(JSON.stringify(yamlNodes(text).slice(0, handed.length)));
  });

  it('gives up on tokens no lexer gives, without a partial result', () => {
    expect(parseNativeOrReason(['a'])).toBe('not a YAML token');
    expect(parseNativeOrReason(['\x02', '\x1f'])).toBe('scalar marker at the end');
    expect(parseNativeOrReason(['\x02', '\x1f', 'a', '\x1f'])).toBe('scalar marker at the end');
  });
});

describe('parseNative against random edits', () => {
  it('agrees with yaml or gives up, and reads most edits the native lexer reads', () => {
    const random = seeded(11);
    const bases = Object.values(REALISTIC);
    let lexed = 0;
    let native = 0;
    const cases = 600;
    for (let n = 0; n < cases; n++) {
      const text = randomEdits(bases[n % bases.length]!, random);
      const tokens = lexNative(text);
      if (tokens === undefined) continue;
      lexed++;
      const nodes: unknown[] = [];
      const gaveUp = parseNativeTo(tokens, (node) => nodes.push(node));
      const yaml = yamlNodes(text);
      // All of them, or those handed over before giving up: yaml's first ones.
      expect(JSON.stringify(nodes), JSON.stringify(text)).toBe(
        JSON.stringify(gaveUp ? yaml.slice(0, nodes.length) : yaml),
      );
      if (!gaveUp) native++;
    }
    expect(lexed).toBeGreaterThan(cases / 3);
    expect(native).toBeGreaterThan(lexed * 0.8);
  });
});
