import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { yamlComments } from './comments.js';
import { parseYaml } from './language.js';

/** The text a location covers, to read expectations at a glance. */
const textAt = (file: SourceFile, loc: { start: number; end: number } | undefined) =>
  loc && file.text.slice(loc.start, loc.end);

const MANIFEST = `# defaults shared by the containers below
x-defaults: &defaults
  imagePullPolicy: Always
  "quoted key": from-anchor
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, "tier": 'front'}   # flow mapping
spec:
  containers:
    - <<: *defaults
      name: app
      image: "nginx:1.27"
      imagePullPolicy: IfNotPresent
      args: [--port, "8080"]
    - <<: [*defaults]
      name: sidecar
      command:
        - sh
        - -c
        - |
          # not a comment: a line of the script
          echo ready
  volumes: *vols
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data:
  "app.properties": |
    a=1
  2: two
`;

describe('YamlDocument spans (kept as a compact table, not the yaml node tree)', () => {
  const file = new SourceFile('k8s/pod.yaml', MANIFEST);
  const { model, problems, comments } = parseYaml(file);

  it('parses the file once into documents and comments', () => {
    // `*vols` names no anchor: that document is a problem, the next one still parses.
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('vols')]);
    expect(model?.documents.map((d) => [d.index, d.kind])).toEqual([[1, 'k8s']]);
    expect(comments).toEqual(yamlComments(MANIFEST));
    expect(comments.map((c) => [c.line, c.text.trim(), c.ownLine])).toEqual([
      [1, 'defaults shared by the containers below', true],
      [9, 'flow mapping', false],
    ]);
  });

  const valid = new SourceFile('k8s/pod.yaml', MANIFEST.replace('  volumes: *vols\n', ''));
  const pod = parseYaml(valid).model!.documents[0]!;
  const config = parseYaml(valid).model!.documents[1]!;
  const container = ['spec', 'containers', 0];
  const sidecar = ['spec', 'containers', 1];

  it('finds own keys before merged ones, and merged keys at their anchor', () => {
    expect(textAt(valid, pod.at([...container, 'imagePullPolicy']))).toBe('IfNotPresent');
    expect(textAt(valid, pod.keyAt([...sidecar, 'imagePullPolicy']))).toBe('imagePullPolicy');
    expect(valid.position(pod.keyAt([...sidecar, 'imagePullPolicy'])!.start).line).toBe(3);
    expect(textAt(valid, pod.at([...sidecar, 'quoted key']))).toBe('from-anchor');
    expect(pod.get([...sidecar, 'quoted key'])).toBe('from-anchor');
  });

  it('reads quoted keys, flow collections, block scalars and sequence items', () => {
    expect(textAt(valid, pod.at(['metadata', 'labels', 'tier']))).toBe("'front'");
    expect(textAt(valid, pod.keyAt(['metadata', 'labels', 'tier']))).toBe('"tier"');
    expect(textAt(valid, pod.at([...container, 'args', 1]))).toBe('"8080"');
    expect(pod.node([...container, 'args'])?.flow).toBe(true);
    expect(pod.node([...container, 'args', 1])?.style).toBe('QUOTE_DOUBLE');
    expect(pod.node([...sidecar, 'command', 2])?.style).toBe('BLOCK_LITERAL');
    expect(textAt(valid, pod.at([...sidecar, 'command', 2]))).toBe(
      '|\n          # not a comment: a line of the script\n          echo ready',
    );
    // A list item points at its first `key: value` line.
    expect(textAt(valid, pod.keyAt(container))).toBe('<<: *defaults');
    expect(textAt(valid, config.keyAt(['data', 'app.properties']))).toBe('"app.properties"');
  });

  it('finds a key written twice where its kept value is: the last one, as kubectl keeps it', () => {
    const twice = new SourceFile(
      'charts/app/templates/deployment.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n      livenessProbe:\n        exec: {command: [true]}\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef: {name: app, key: token}\n',
    );
    const [doc] = parseYaml(twice).model!.documents;
    expect(doc!.get(['spec', 'containers', 0, 'env', 0, 'name'])).toBe('TOKEN');
    expect(twice.position(doc!.keyAt(['spec', 'containers', 0, 'env'])!.start).line).toBe(12);
    expect(textAt(twice, doc!.keyAt(['spec', 'containers', 0, 'env', 0, 'valueFrom', 'secretKeyRef']))).toBe(
      'secretKeyRef',
    );
  });

  it('finds nothing where the route leaves the document', () => {
    expect(pod.at([...container, 'args', 2])).toBeUndefined();
    expect(pod.at([...container, 'args', 0.5])).toBeUndefined();
    expect(pod.at([...container, 'image', 'tag'])).toBeUndefined();
    expect(pod.at(['spec', 'containers', 'name'])).toBeUndefined();
    // The `yaml` package reads `2:` as the number 2: a string segment does not name it.
    expect(config.at(['data', '2'])).toBeUndefined();
    expect(textAt(valid, config.at(['data', 2]))).toBe('two');
    expect(textAt(valid, pod.nearest([...container, 'resources', 'limits']))).toBe('<<: *defaults');
  });

  it('spans each whole document without its trailing blank lines', () => {
    expect(textAt(valid, config.loc)).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  "app.properties": |\n    a=1\n  2: two',
    );
    // The document's contents: the comment before them is not part of it.
    expect(valid.position(pod.loc.start).line).toBe(2);
  });

  it('keeps every span right in files large enough to outgrow the first table', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `  key-${i}:\n    - item-${i}\n    - {n: ${i}}\n`);
    const big = new SourceFile(
      'k8s/big.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${keys.join('')}`,
    );
    const [doc] = parseYaml(big).model!.documents;
    for (const i of [0, 1, 199, 398, 399]) {
      expect(textAt(big, doc!.keyAt(['data', `key-${i}`]))).toBe(`key-${i}`);
      expect(textAt(big, doc!.at(['data', `key-${i}`, 0]))).toBe(`item-${i}`);
      expect(textAt(big, doc!.at(['data', `key-${i}`, 1, 'n']))).toBe(String(i));
    }
  });
});
