import { describe, expect, it } from 'vitest';
import { Lexer, parseAllDocuments } from 'yaml';
import { lexNative, lexNativeOrReason } from './native-lexer.js';
import { randomEdits, seeded } from './random-edits.js';

const yamlTokens = (text: string): string[] => [...new Lexer().lex(text)];

/** Read natively, token for token what `yaml` gives. */
function expectNative(text: string): void {
  const tokens = lexNativeOrReason(text);
  expect(typeof tokens === 'string' ? `gave up: ${tokens}` : tokens, JSON.stringify(text)).toEqual(
    yamlTokens(text),
  );
}

/** A well-formed file: no parse errors, read natively and the same. */
function expectNativeValid(text: string): void {
  for (const doc of parseAllDocuments(text)) expect(doc.errors, text).toEqual([]);
  expectNative(text);
}

function expectGivesUp(text: string, reason: string): void {
  expect(lexNativeOrReason(text)).toBe(reason);
  expect(lexNative(text)).toBeUndefined();
}

const DEPLOYMENT = `# The web tier: what the rules read.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  namespace: prod
  labels:
    app.kubernetes.io/name: web
    tier: "frontend"
  annotations:
    description: 'It''s the front end'
spec:
  replicas: 3

  selector:
    matchLabels: {app: web, tier: frontend}
  template:
    metadata:
      labels:
        app: web
    spec:
      # Containers run as a user, with no privilege escalation.
      containers:
        - name: web
          image: nginx:1.25.3@sha256:0123456789abcdef
          args: ["--port=8080", "--log-level", 'info']
          command:
          - /bin/sh
          - -c
          - echo "starting" && exec nginx -g 'daemon off;'
          ports:
            - containerPort: 8080
              protocol: TCP
          env:
            - name: URL
              value: http://example.com:8080/path?q=1#anchor
            - name: EMPTY
              value: ""
            - {name: INLINE, value: "yes"}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
          resources: {}
      volumes: []
`;

const HELM_VALUES = `## Default values for the chart.
## This is a YAML-formatted file.

replicaCount: 1

image:
  repository: ghcr.io/example/app
  # Overrides the image tag whose default is the chart appVersion.
  tag: ""
  pullPolicy: IfNotPresent

imagePullSecrets: []
nameOverride: ""

serviceAccount:
  # Specifies whether a service account should be created
  create: true
  annotations: {}
  # The name of the service account to use.
  # If not set and create is true, a name is generated using the fullname template
  name:

podSecurityContext: {}
  # fsGroup: 2000

ingress:
  enabled: false
  hosts:
    - host: chart-example.local
      paths:
        - path: /
          pathType: ImplementationSpecific
  tls: []
  #  - secretName: chart-example-tls
  #    hosts:
  #      - chart-example.local

resources:
  limits:
    cpu: 100m
    memory: 128Mi

nodeSelector: {}

tolerations: []

affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
extraArgs: [
  "--verbose",
  "--flag=1",
]
# a long description wrapped over lines, as CRDs and values files have
description: This text goes on
  over more than one line, with http://a:b inside
  and ends here
quoted: "a double-quoted string
  over two lines"
`;

const WORKFLOW = `name: CI
on:
  push:
    branches: [ main ]
  pull_request:
permissions:
  contents: read
jobs:
  build:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
        node: [ 18, 20 ]
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: Install
        run: |
          npm ci
          # a shell comment, not a YAML one
          npm run build

      - name: Test
        run: |-
          npm test -- --reporter=dot
      - name: Folded
        run: >
          echo one
          echo two

        env:
          KEEP: |+
            kept trailing lines


          TOKEN: \${{ secrets.GITHUB_TOKEN }}
      - name: Indented
        run: |2
             three more spaces
        shell: bash
      - name: Last
        run: echo "done"   # trailing
`;

const MULTI_DOCUMENT = `# leading comment
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
data:
  key: value
---
# second document
apiVersion: v1
kind: Service
metadata:
  name: two
spec:
  ports:
  - port: 80
...
---
apiVersion: v1
kind: Namespace
metadata: {name: three}
---
`;

const REALISTIC = { DEPLOYMENT, HELM_VALUES, WORKFLOW, MULTI_DOCUMENT };

describe('lexNative', () => {
  for (const [name, text] of Object.entries(REALISTIC)) {
    it(`reads ${name} as yaml does`, () => expectNativeValid(text));
    it(`reads ${name} with CRLF line ends`, () => expectNativeValid(text.replaceAll('\n', '\r\n')));
    it(`reads ${name} after a byte order mark`, () => expectNativeValid(`\uFEFF${text}`));
    it(`reads ${name} without its last line break`, () => expectNativeValid(text.replace(/\n$/, '')));
  }

  it('reads the quirks of where scalars end exactly', () => {
    for (const text of [
      '',
      '\n',
      'a',
      'plain at the top\nof a document: x\n',
      'a: |',
      'a: |\n',
      'a: |\nb: 1\n',
      'a: |\n\nb: 1\n',
      'a: >+\n  x\n\n\n',
      'a: |-\n    x\n  \n     \n',
      'a: |\n  x\n  \nb: 1\n',
      'a: |\n  x\n   \n  \nb: 1\n',
      'a:\n  b: |\n    x\n   \n  c: d\n',
      '--- |\nfoo\nbar\n...\n',
      '--- >\n  folded\n',
      '- a\n  b\n- c\n',
      '- - a\n  - b\n-   c: d\n    e: f\n',
      'a: b\nc\n',
      'key:    value   \n',
      'a: b #c\nd: e#f\n',
      'k: "x\\"y" \'z\'\n',
      'k: "a\n\n  b"\n',
      'x: [a, [b, {c: d}], "e":f]\n',
      'x: {"a":1, b: [], c: {}}\n',
      'x: [\n  a,\n  b\n]\n',
      'x: [ # comment\n    a ]\n',
      'a: 1\n  # indented comment\nb: 2\n',
      '# only a comment',
      '...\n# after the end\n',
      'a: b\n---\nc: d\n... # end\n',
      'url: http://x:80\n',
    ])
      expectNative(text);
  });

  it('gives up on what it does not read', () => {
    expectGivesUp('a: &anchor 1\nb: *anchor\n', 'anchor');
    expectGivesUp('b: *anchor\n', 'alias');
    expectGivesUp('a: !Ref b\n', 'tag');
    expectGivesUp('%YAML 1.2\n---\na: 1\n', 'directive');
    expectGivesUp('? a\n: b\n', 'explicit key');
    expectGivesUp('a:\n\tb: 1\n', 'tab in indentation');
    expectGivesUp('a: 1\rb: 2\n', 'carriage return without line feed');
    expectGivesUp('a: "unclosed\n', 'unclosed quote');
    expectGivesUp('a:\n  b: "x\n c"\n', 'quoted scalar cut by a line indented too little');
    expectGivesUp('a:\n  b: [x,\n c]\n', 'flow collection indented too little');
    expectGivesUp('a: - b\n', 'sequence item after content');
    expectGivesUp('a: |x\n  b\n', 'block scalar header');
  });
});

describe('lexNative against random edits', () => {
  it('agrees with yaml or gives up, and reads most edits', () => {
    const random = seeded(7);
    const bases = Object.values(REALISTIC);
    let native = 0;
    const cases = 400;
    for (let n = 0; n < cases; n++) {
      const text = randomEdits(bases[n % bases.length]!, random);
      const tokens = lexNative(text);
      if (tokens === undefined) continue;
      native++;
      expect(tokens, JSON.stringify(text)).toEqual(yamlTokens(text));
    }
    expect(native).toBeGreaterThan(cases / 2);
  });
});
