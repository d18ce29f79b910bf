import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYamlWhere } from './documents-where.js';
import { parseYaml } from './language.js';

/** An operator's install bundle: a Namespace among large CRDs, as projects ship them. */
const BUNDLE = `# Source: operator/templates/namespace.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: operator-system
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          description: |
            A Widget lives in a namespace.
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller
  namespace: operator-system
spec:
  template:
    spec:
      containers:
        - name: manager
          image: "ghcr.io/example/operator:v1.2.0"
`;

const dataOf = (model: ReturnType<typeof parseYamlWhere>) => model?.documents.map((d) => [d.kind, d.data]);
const wholeData = (file: SourceFile) => dataOf(parseYaml(file).model);
const says = (word: string) => (text: string) => text.includes(word);

describe('parseYamlWhere', () => {
  it('reads only the wanted documents, with the data parseYaml gives them', () => {
    const file = new SourceFile('deploy/operator.yaml', BUNDLE);
    const whole = wholeData(file)!;
    expect(dataOf(parseYamlWhere(file, says('kind: Namespace')))).toEqual([whole[0]]);
    expect(dataOf(parseYamlWhere(file, says('image:')))).toEqual([whole[2]]);
    expect(dataOf(parseYamlWhere(file, () => true))).toEqual(whole);
    expect(parseYamlWhere(file, says('kind: Secret'))).toBeUndefined();
  });

  it('asks the whole file whether and how to read it: a Helm template is not read at all', () => {
    const template = new SourceFile(
      'chart/templates/ns.yaml',
      `${BUNDLE}---\nkind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n`,
    );
    expect(parseYaml(template).model).toBeUndefined();
    expect(parseYamlWhere(template, says('Namespace'))).toBeUndefined();
    // A manifest hint in another document than the wanted one still makes the file a manifest.
    const flow = new SourceFile(
      'ns.yaml',
      `apiVersion: v1\nkind: ConfigMap\n---\n{apiVersion: v1, kind: Namespace, metadata: {name: a}}\n`,
    );
    expect(dataOf(parseYamlWhere(flow, says('Namespace')))).toEqual([wholeData(flow)![1]]);
  });

  it('reads the whole file when a document does not read alone as it reads in the file', () => {
    // A directive belongs to the next document: under `%YAML 1.1`, `yes` is true.
    const yaml11 = new SourceFile(
      'ns.yaml',
      `%YAML 1.1\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {audit: yes}}\n---\napiVersion: v1\nkind: ConfigMap\n`,
    );
    const whole = wholeData(yaml11)!;
    expect((whole[0]![1] as { metadata: { labels: { audit: unknown } } }).metadata.labels.audit).toBe(true);
    expect(dataOf(parseYamlWhere(yaml11, says('Namespace')))).toEqual(whole);
    // A wanted document with an error: read whole, where its error leaves only the others.
    const broken = new SourceFile(
      'broken.yaml',
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: "a}\n---\napiVersion: v1\nkind: ConfigMap\n`,
    );
    expect(dataOf(parseYamlWhere(broken, says('Namespace')))).toEqual(wholeData(broken));
  });
});
