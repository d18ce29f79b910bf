import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYamlWith, readDocuments, readPlan } from './language.js';
import type { YamlSpans } from './spans.js';

/**
 * The CST builder (`cst-spans.ts`) against the Composer and the span walk, through the real
 * `parseYaml`: every document must come out the same either way (rows, data, places, problems,
 * comments), whether the builder reads it or leaves it to the Composer.
 */

/** Everything a parse gives that rules, reporters and source maps can see, as plain values. */
function modelOf(file: SourceFile, viaCst: boolean): unknown {
  let result: ReturnType<typeof parseYamlWith>;
  try {
    // Not the fused reader (`fused-reader/`, tested against this path): the CST builder itself.
    result = parseYamlWith(file, { viaCst, fused: false });
  } catch (error) {
    return { threw: (error as Error).message };
  }
  const documents = result.model?.documents ?? [];
  const inside = (d: object) => d as unknown as { root: number; spans: YamlSpans };
  return {
    skipped: result.skipped,
    problems: result.problems.map((p) => [p.message, p.loc.start, p.loc.end]),
    comments: result.comments,
    documents: documents.map((d) => ({
      index: d.index,
      kind: d.kind,
      data: d.data,
      place: [d.loc.start, d.loc.end],
      root: inside(d).root,
    })),
    table: documents[0] && inside(documents[0]).spans.snapshot(),
  };
}

/** The first difference between two values (key order, prototypes and -0 included), or undefined. */
function differ(a: unknown, b: unknown, at = 'model'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at} (prototype)`;
  if (a instanceof Set || a instanceof Map) return differ([...a], [...(b as Set<unknown>)], at);
  if (ArrayBuffer.isView(a)) return differ(Array.from(a as Int32Array), Array.from(b as Int32Array), at);
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.join('\0') !== other.join('\0')) return `${at} (keys ${keys} / ${other})`;
  for (const key of keys) {
    const found = differ(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
}

/** Asserts both ways give the same model; returns how many documents the builder read. */
function same(path: string, text: string): number {
  const file = new SourceFile(path, text, { repoPath: path });
  const difference = differ(modelOf(file, false), modelOf(file, true));
  expect(difference, `${path}: ${JSON.stringify(text)}`).toBeUndefined();
  try {
    const plan = readPlan(file);
    if ('result' in plan) return 0;
    return readDocuments(file, text, plan.path, plan.named, plan.options, { fused: false }).built;
  } catch {
    return 0;
  }
}

const DEPLOYMENT = `# leading comment
apiVersion: apps/v1   # trailing
kind: Deployment
metadata:
  name: web
  labels: {app: web, "tier": 'front', empty: }
  annotations:
    "quoted key": value
    'single': "x"
    note: >-
      folded text
      over lines

      with a break
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    spec:
      # comment between keys
      containers:
        - name: app
          image: "nginx:1.25"
          args: ["--port", "8080", --verbose]
          env:
            - name: EMPTY
            - name: NULL_VALUE
              value: ~
            -   name: SPACED
                value: "a\\tb\\u00e9\\x41 \\
                  continued"
          resources: {}
          ports: []
        -
          name: sidecar
          command:
          - sh
          - -c
          - |
            echo hello
            # not a comment
      volumes:
      - name: data
        emptyDir: {}   # comment after flow
...
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector: {app: web}
---
# only a comment
---
apiVersion: v1
kind: ConfigMap
data:
  script.sh: |+
    keep trailing

  indented: |2
      two more
    than this
  stripped: |-
    no newline
  long: plain text
    that continues
    over lines
`;

const WORKFLOW = `name: CI
on:
  push:
    branches: [ main ]
  pull_request:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Run
        run: |
          echo "\${{ github.sha }}"
          make test
        env:
          A: 1
          B: 'two'
      - run: >
          folded
          run
`;

const VALUES = `replicaCount: 1
1: one
1.50: float key
0x1F: hex
0o17: octal
-0: negative zero
1e3: exponent
.inf: infinity
.nan: nan
true: yes
False: no
null: nothing
~: tilde
"__proto__": {polluted: 1}
constructor: c
toString: s
a: 1
a: 2
empty:
list:
  -
  - ~
  - ""
  - ''
nested:
  - - a
    - b
  - - c
quoted: "it's"
single: 'it''s'
escaped: "tab\\there \\"q\\" \\x41"
spaces: "  both ends  "
unclosed_looking: 'a"b'
colon: "a: b"
url: http://example.com:8080/x#frag
tabbed:\tvalue
unicode: "é ü 😀"
`;

const ANCHORS = `apiVersion: v1
kind: ConfigMap
base: &b {x: 1, y: 2}
merged:
  <<: *b
  y: 3
list: [*b, *b]
"<<": quoted merge key
---
apiVersion: v1
kind: B
pairs: [a: 1, b: 2]
? explicit
: key
`;

const JSON_FILE = `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"k": "v", "n": 1.5e3, "b": true, "z": null}},
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}, "data": {}}
  ]
}
`;

/** Where empty nodes, comments and flow entries put the ends of the nodes around them. */
const EDGES = [
  'apiVersion: v1\nkind: A\nmeta:\n  empty: # comment\nnext: 1\nlast: # comment at the end\n',
  'apiVersion: v1\nkind: A\na:\n  b: 1\n  # trailing comment in the map\nc: 2\nlist:\n  - a\n  # trailing in the list\nd: 3\n   # indented comment at the end\n',
  'apiVersion: v1\nkind: A\nx: {a:1, "b":2, c d: e, f}\ny: {a: 1 b}\nz: [a:1, "b" , c d]\n',
  'apiVersion: v1\nkind: A\n: empty key\nseq:\n- # comment\n  a: 1\n-\n- - nested\n  -\n',
  'apiVersion: v1\nkind: A\nlast:\n  b: 1\n  # trailing comment of the last map\n',
  'apiVersion: v1\nkind: A\nlast:\n  - a\n  # trailing comment of the last list\n',
  'apiVersion: v1\nkind: A\nempty: {}\nnone: []\nspaced: [ ]\ncomment: [ # c\n  ]\n',
];

const ERRORS = [
  'apiVersion: v1\nkind: A\nx: {"a" b}\n',
  'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n data: y\n',
  'apiVersion: v1\nkind: A\nargs: ["\n  echo hello &&\n  echo\n"]\n---\napiVersion: v1\nkind: B\n',
  'apiVersion: v1\nkind: A\nb: "unclosed\n---\napiVersion: v1\nkind: B\n',
  'apiVersion: v1\nkind: A\nmetadata:\n\tname: tab\n',
  'apiVersion: v1\nkind: A\nkey: value\nbare\n',
  'apiVersion: v1\nkind: A\n- item\n',
  'apiVersion: v1\nkind: A\n... trailing\n---\napiVersion: v1\nkind: B\n',
  'apiVersion: v1\nkind: A\n...\n%YAML 1.2\n',
  'apiVersion: v1\nkind: A\n...\n%BAD directive\n---\napiVersion: v1\nkind: B\n',
  ']\napiVersion: v1\nkind: A\n',
  'apiVersion: v1\nkind: A\nx: {a: 1, a: 2}\ny: [a, , b]\nz: [, a]\n',
  'apiVersion: v1\nkind: A\nx: @reserved\ny: `tick\nz: %pct\n',
  'apiVersion: v1\nkind: A\nk: |\nnot indented\n',
  'apiVersion: v1\nkind: A\nk: v #no space\nj: "q"#c\n',
  'apiVersion: v1\nkind: A\ndata:\n  plain multi\n    line: no\n',
  '--- !tagged\napiVersion: v1\nkind: A\n--- |\n  literal root\n--- >\nfolded root at zero\n',
];

/** Tabs, which YAML allows as separation and forbids as indentation, and comments without a space. */
const TABS = [
  'a:\n  -\ta\n',
  'a:\n \t- b\n',
  '- a\n\t- b\n',
  'a:\n  b: 1\n\t\n  c: 2\n',
  'a: 1\n\tb: 2\n',
  'a:\n\t  b: 1\n',
  'a:\n  \tb: 1\n',
  'a: \t# c\n  b: 1\n',
  '-\t- a\n',
  'a:\n  - b\n \t# c\n  - d\n',
  'a:\t\n  b: 1\n',
  'a:\n  b:\n \t  c: 1\n',
  'x: [a,#c\n  b]\n',
  'x: {a: 1,#c\n  b: 2}\n',
];

const DIRECTIVES = [
  '%YAML 1.1\n---\napiVersion: v1\nkind: A\nyes: on\n---\napiVersion: v1\nkind: B\nwhen: 2001-12-14\n',
  '%TAG !e! tag:example.com,2000:\n---\napiVersion: v1\nkind: A\nx: !e!thing 1\n---\napiVersion: v1\nkind: B\n',
  'apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n...\n%YAML 1.2\n---\napiVersion: v1\nkind: C\n',
];

const FLOW = `apiVersion: v1
kind: Flow
a: {a, b: 1, : 2, c: }
b: [a, [b, c], {d: e}, "q", 'r', 1, true, null]
c: [a, ]
d: { x: 1,   # comment inside
     y: [1,
       2] }
e: {"k": v}
f: [
  multi
  line,
  "quoted
   folded"
]
`;

describe('the CST builder against the Composer', () => {
  it('reads plain manifests, workflows, values and JSON the same, and takes their documents', () => {
    expect(same('k8s/deploy.yaml', DEPLOYMENT)).toBe(4);
    expect(same('.github/workflows/ci.yml', WORKFLOW)).toBe(1);
    expect(same('chart/values.yaml', VALUES)).toBe(1);
    expect(same('k8s/list.json', JSON_FILE)).toBe(1);
    expect(same('k8s/flow.yaml', FLOW)).toBe(1);
  });

  it('places the ends of nodes around empty values, comments and flow entries the same', () => {
    for (const text of EDGES) expect(same('k8s/edges.yaml', text)).toBe(1);
  });

  it('leaves anchors, aliases, merge keys, explicit keys and pairs in sequences to the Composer', () => {
    expect(same('k8s/anchors.yaml', ANCHORS)).toBe(0);
  });

  it('gives up where the Composer reports an error, and agrees on the problems', () => {
    for (const text of ERRORS) same('k8s/bad.yaml', text);
    for (const text of TABS) same('chart/values.yaml', text);
    // A repeated key is an error only where keys must be unique (GitHub workflows).
    const repeated = 'on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n';
    expect(same('.github/workflows/dup.yml', repeated)).toBe(0);
    expect(same('ci/dup.yml', repeated)).toBe(1);
  });

  it('leaves documents after a directive to the Composer', () => {
    for (const text of DIRECTIVES) same('k8s/directives.yaml', text);
    // Before the directive, documents are its own.
    expect(same('k8s/directives.yaml', DIRECTIVES[2]!)).toBe(1);
  });

  it('reads CRLF line ends, a byte order mark and document markers the same', () => {
    expect(same('k8s/crlf.yaml', DEPLOYMENT.replace(/\n/g, '\r\n'))).toBe(4);
    expect(same('k8s/bom.yaml', `\uFEFF${DEPLOYMENT}`)).toBeGreaterThan(0);
    // The second `...`, after a comment, ends an empty document of its own.
    expect(same('k8s/markers.yaml', `---\n${DEPLOYMENT}...\n# after\n...\n`)).toBe(5);
    expect(same('chart/values.yaml', '---\n---\n--- # c\n...\n')).toBe(3);
    same('k8s/nothing.yaml', '# apiVersion: v1\n');
  });

  it('agrees on small random edits of realistic texts', () => {
    const random = mulberry32(17);
    const bases: [string, string][] = [
      ['k8s/deploy.yaml', DEPLOYMENT],
      ['.github/workflows/ci.yml', WORKFLOW],
      ['chart/values.yaml', VALUES],
      ['k8s/flow.yaml', FLOW],
      ['k8s/list.json', JSON_FILE],
    ];
    const pieces = [
      ' ',
      '  ',
      '\n',
      '\t',
      ':',
      ': ',
      '- ',
      '"',
      "'",
      '#',
      ' #',
      '{',
      '}',
      '[',
      ']',
      ',',
      '|',
      '>',
      '&a ',
      '*a',
      '!',
      '? ',
      '---\n',
      '...\n',
      'x',
      '0',
      '.',
      '\\',
      '\r\n',
    ];
    let built = 0;
    for (let n = 0; n < 300; n++) {
      const [path, base] = bases[n % bases.length]!;
      let text = base;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.45)
          text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
        else if (kind < 0.75) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else {
          // Indent or dedent the line at `at`.
          const line = text.lastIndexOf('\n', at) + 1;
          text =
            random() < 0.5
              ? `${text.slice(0, line)}  ${text.slice(line)}`
              : text.slice(0, line) + text.slice(line).replace(/^ {1,2}/, '');
        }
      }
      built += same(path, text);
    }
    // Most edits leave documents the builder reads: the comparison is not only of fallbacks.
    expect(built).toBeGreaterThan(150);
  });
});

/** A small seeded generator: the same edits on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
