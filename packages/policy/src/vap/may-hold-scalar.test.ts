import { SourceFile } from '@plumbline/core';
import { k8sObjectsOf, type YamlFile, yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { mayHoldScalar } from './may-hold-scalar.js';

/** The kinds the YAML language itself reads from `text`. */
function kindsOf(text: string): string[] {
  const model = yamlLanguage.parse(new SourceFile('ns.yaml', text)).model as YamlFile | undefined;
  return model ? k8sObjectsOf(model).map((o) => o.kind) : [];
}

const META = 'metadata:\n  name: shop\n';

// Every way below is read as a Namespace by the YAML language (checked first), and passes the filter.
const SPELLINGS: Record<string, string> = {
  plain: `apiVersion: v1\nkind: Namespace\n${META}`,
  'CRLF line ends': `apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n`,
  'a comment after': `apiVersion: v1\nkind: Namespace # the team's\n${META}`,
  'double-quoted': `apiVersion: v1\nkind: "Namespace"\n${META}`,
  'single-quoted': `apiVersion: v1\n'kind': 'Namespace'\n${META}`,
  'on the next line': `apiVersion: v1\nkind:\n  Namespace\n${META}`,
  'a block scalar': `apiVersion: v1\nkind: |-\n  Namespace\n${META}`,
  'a folded block scalar': `apiVersion: v1\nkind: >-\n  Namespace\n${META}`,
  'a tag': `apiVersion: v1\nkind: !!str Namespace\n${META}`,
  'a verbatim tag': `apiVersion: v1\nkind: !<tag:yaml.org,2002:str> Namespace\n${META}`,
  'an anchor and an alias': `apiVersion: v1\nmetadata:\n  name: shop\n  labels: { k: &k Namespace }\nkind: *k\n`,
  'a merge key': `base: &b { kind: Namespace }\n<<: *b\napiVersion: v1\n${META}`,
  'a complex key': `apiVersion: v1\n? kind\n: Namespace\n${META}`,
  // (The YAML language reads a file only when a line starts with `apiVersion:` or `kind:`.)
  'flow style': `{\n  apiVersion: v1, kind: Namespace, metadata: {name: shop}}\n`,
  'flow style over lines': `{\n  apiVersion: v1, kind:\n  Namespace, metadata: {name: shop}}\n`,
  JSON: `{\n  "apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}\n`,
  'JSON escapes': `{\n  "apiVersion": "v1", "kind": "\\u004eamespace", "metadata": {"name": "shop"}}\n`,
  'a List': `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    ${META.replace('\n  ', '\n      ')}`,
  '\\x escapes': `apiVersion: v1\nkind: "\\x4eamespace"\n${META}`,
  '\\u escapes': `apiVersion: v1\nkind: "Name\\u0073pace"\n${META}`,
  '\\U escapes': `apiVersion: v1\nkind: "Namespac\\U00000065"\n${META}`,
  'an escaped line break': `apiVersion: v1\nkind: "Name\\\n  space"\n${META}`,
  'an escaped CRLF line break': `apiVersion: v1\r\nkind: "Name\\\r\n  space"\r\n${META}`,
  'escapes and a line break together': `apiVersion: v1\nkind: "\\x4eame\\\n    \\u0073pace"\n${META}`,
  'an escaped line break before it': `apiVersion: v1\nkind: "\\\n  Namespace"\n${META}`,
};

describe('mayHoldScalar', () => {
  for (const [how, text] of Object.entries(SPELLINGS))
    it(`lets through a Namespace written with ${how}`, () => {
      expect(kindsOf(text)).toContain('Namespace');
      expect(mayHoldScalar(Buffer.from(text), 'Namespace')).toBe(true);
    });

  it('leaves out files that only mention the name, or hold escapes that cannot spell it', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  description: |
    Namespace defines the space within which each name must be unique. The Namespace of the
    object, see namespaceSelector and NamespaceList.
  pattern: "^[a-z]\\\\.[0-9]+\\t\\u003c$"
`;
    expect(kindsOf(crd)).toEqual(['CustomResourceDefinition']);
    expect(mayHoldScalar(Buffer.from(crd), 'Namespace')).toBe(false);
    // A workflow or chart script's line continuations join nothing of the name.
    const script = `apiVersion: batch/v1
kind: Job
spec:
  template:
    spec:
      containers:
        - name: setup
          command: ["/bin/sh", "-c"]
          args:
            - |
              kubectl get \\
                Namespace -o name \\
                && echo "\\x4e"
`;
    expect(kindsOf(script)).toEqual(['Job']);
    expect(mayHoldScalar(Buffer.from(script), 'Namespace')).toBe(false);
    // An escape next to the name, outside it, does not spell it either ("\x20Namespace" is " Namespace").
    expect(mayHoldScalar(Buffer.from('apiVersion: v1\nkind: "\\x20Namespace"\n'), 'Namespace')).toBe(false);
    expect(mayHoldScalar(Buffer.from('apiVersion: v1\nkind: "Namespace\\x20"\n'), 'Namespace')).toBe(false);
    const list = `apiVersion: v1\nkind: NamespaceList\nitems: []\n`;
    expect(mayHoldScalar(Buffer.from(list), 'Namespace')).toBe(false);
  });

  it('stays linear on a long line of mentions', () => {
    const mentions = 'xNamespace:'.repeat(400_000);
    const started = performance.now();
    expect(mayHoldScalar(Buffer.from(`key: ${mentions}\n`), 'Namespace')).toBe(false);
    // (Not YAML the parser would read as a Namespace: a superset, as with `!t Namespace`.)
    expect(mayHoldScalar(Buffer.from(`key: !t${mentions}\n`), 'Namespace')).toBe(true);
    // Quadratic would take hours; linear takes about a second on a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('names with dots are matched as written, and names it cannot bound always pass', () => {
    expect(mayHoldScalar(Buffer.from('metadata: { name: app.v1 }\n'), 'app.v1')).toBe(true);
    expect(mayHoldScalar(Buffer.from('metadata: { name: appxv1 }\n'), 'app.v1')).toBe(false);
    // 'it''s' is how a single-quoted scalar writes it's: no filter on such names.
    expect(mayHoldScalar(Buffer.from("name: 'it''s'\n"), "it's")).toBe(true);
  });
});
