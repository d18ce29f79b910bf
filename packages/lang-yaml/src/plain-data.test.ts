import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseYaml } from './language.js';

const OPTIONS = { merge: true, strict: false, uniqueKeys: false, logLevel: 'silent' } as const;

/** The data parseYaml gives each document, against yaml's own toJS of the same text. */
function both(text: string) {
  const ours = parseYaml(new SourceFile('k8s/x.yaml', text)).model?.documents.map((d) => d.data);
  const theirs = parseAllDocuments(text, OPTIONS)
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS({ maxAliasCount: 1000 }))
    .filter((d) => d !== null && d !== undefined);
  return { ours, theirs };
}

describe('the plain data built on the span walk', () => {
  it('names keys as toJS does: numbers, booleans, null, __proto__, repeated keys', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\n1: one\n1.50: x\ntrue: yes\n~: nothing\n"__proto__": {polluted: 1}\nconstructor: c\na: 1\na: 2\n';
    const { ours, theirs } = both(text);
    expect(ours).toEqual(theirs);
    const data = ours![0] as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(Object.keys(theirs[0] as object));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data.a).toBe(2);
  });

  it('leaves aliases, merge keys and tagged collections to toJS, with the same result', () => {
    const text =
      'apiVersion: v1\nkind: A\nbase: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n---\n' +
      'apiVersion: v1\nkind: B\npairs: [a: 1, b: 2]\n...\n' +
      '%YAML 1.1\n---\napiVersion: v1\nkind: C\nset: !!set {a, b}\nwhen: 2001-12-14\n';
    const { ours, theirs } = both(text);
    expect(ours).toEqual(theirs);
    const first = ours![0] as { base: unknown; list: unknown[]; merged: unknown };
    expect(first.list[0]).toBe(first.base);
    expect(first.merged).toEqual({ x: 1, y: 3 });
    expect((ours![2] as { set: unknown }).set).toBeInstanceOf(Set);
  });

  it('drops a document it does not keep from the span table: the next one points right', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(', ')}]`).join('\n')}\n`;
    const file = new SourceFile(
      'k8s/x.json',
      `${bomb}---\n{"other": 1}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n`,
    );
    const { model, problems } = parseYaml(file);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/alias bomb/)]);
    expect(model?.documents.map((d) => [d.index, d.kind])).toEqual([[2, 'k8s']]);
    const at = model!.documents[0]!.at(['metadata', 'name'])!;
    expect(file.text.slice(at.start, at.end)).toBe('p');
  });
});
