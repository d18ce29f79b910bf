import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './language.js';
import { underIndentedFlowLines } from './lenient-flow.js';

/** Argo's examples write shell scripts this way; kubectl and PyYAML accept it. */
const ARGO = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: build-
spec:
  entrypoint: build
  templates:
  - name: build
    container:
      image: golang:1.22
      command: [sh, -c]
      args: ["
        cd /src &&
        go build -v .
      "]
      resources: {limits: {memory: 1Gi}}
`;

describe('multi-line quoted scalars in flow collections (what kubectl accepts)', () => {
  it('parse, with the values folded and every span where it is in the file', () => {
    const file = new SourceFile('argo/build.yaml', ARGO);
    const { model, problems } = parseYaml(file);
    expect(problems).toEqual([]);
    const doc = model!.documents[0]!;
    const container = ['spec', 'templates', 0, 'container'];
    expect(String(doc.get([...container, 'args', 0])).replace(/\s+/g, ' ')).toBe(
      ' cd /src && go build -v . ',
    );
    expect(doc.get([...container, 'resources', 'limits', 'memory'])).toBe('1Gi');
    const at = doc.at([...container, 'resources']);
    expect(file.span(at!.start, at!.end)).toMatchObject({ startLine: 16, startColumn: 18 });
  });

  it('keep the text length, changing only the line break before the under-indented line', () => {
    const fixed = underIndentedFlowLines(ARGO)!;
    expect(fixed).toHaveLength(ARGO.length);
    const changed = [...ARGO].flatMap((c, i) => (c === fixed[i] ? [] : [[i, c, fixed[i]]]));
    expect(changed).toEqual([[ARGO.indexOf('\n      "]'), '\n', ' ']]);
  });

  it('leave well-indented flow scalars, block scalars and plain text alone', () => {
    expect(underIndentedFlowLines('args: ["\n    echo hi\n    "]\nrun: |\n  [x\n  "y\nname: it\'s\n')).toBe(
      undefined,
    );
  });

  it('still report a quote that is really never closed', () => {
    const { problems } = parseYaml(
      new SourceFile(
        'k8s/bad.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: ["oops\n',
      ),
    );
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('repeated keys', () => {
  it('in a manifest keep the last value, as kubectl does', () => {
    const { model, problems } = parseYaml(
      new SourceFile('k8s/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'),
    );
    expect(problems).toEqual([]);
    expect(model!.documents[0]!.get(['metadata', 'name'])).toBe('b');
  });

  it('in a workflow stay an error, as GitHub rejects them', () => {
    const { problems } = parseYaml(
      new SourceFile(
        '.github/workflows/ci.yml',
        'on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n    steps: [{run: x}]\n',
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('unique')]);
  });
});
