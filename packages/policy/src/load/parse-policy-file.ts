import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type Document, isMap, LineCounter, type Node, parseAllDocuments } from 'yaml';
import schema from './policy.schema.json' with { type: 'json' };
import type { PolicyDocument, PolicyTestDocument, SourceRef } from './policy-document.js';
import { PolicyLoadError } from './policy-error.js';

/**
 * One validator per kind, so errors speak of the document's own kind (not of every `oneOf` branch),
 * each compiled when a file of its kind is first read: a scan whose only policies are admission
 * policies imports this package without reading a policy file, and compiling both at import cost
 * ~150 ms on every thread of it.
 */
let ajv: Ajv | undefined;
const validators = new Map<'policy' | 'test', ValidateFunction>();

function validatorOf(kind: 'policy' | 'test'): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    validate = ajv.compile({
      ...schema,
      ...(kind === 'test' ? { $id: `${schema.$id}#test` } : {}),
      oneOf: undefined,
      $ref: `#/definitions/${kind}`,
    });
    validators.set(kind, validate);
  }
  return validate;
}

export type PolicyPath = (string | number)[];

/** One document of a policy file, with the way from a path in it to its line and column. */
export interface ParsedPolicyDocument<T = PolicyDocument | PolicyTestDocument> {
  data: T;
  file: string;
  /** Line and column of the value at a path (of its nearest existing ancestor). */
  where(path: PolicyPath): SourceRef;
  /** Line and column of a block or quoted scalar's first character of content. */
  contentStart(path: PolicyPath): { line: number; column: number; block: boolean };
}

/** Parses and schema-checks a policy or policy-test file. Throws PolicyLoadError with file and line. */
export function parsePolicyFile(file: string, text: string): ParsedPolicyDocument[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const out: ParsedPolicyDocument[] = [];
  const position = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const problem = doc.errors[0];
    if (problem) {
      const p = position(problem.pos[0]);
      throw new PolicyLoadError(file, p.line, p.column, `not valid YAML: ${problem.message.split('\n')[0]}`);
    }
    if (doc.contents === null) continue;
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    const where = (path: PolicyPath): SourceRef => {
      const node = nodeAt(doc, path);
      const p = position(node?.range?.[0] ?? 0);
      return { file, ...p };
    };
    const validate = validatorOf(
      (data as { kind?: unknown } | null)?.kind === 'PolicyTest' ? 'test' : 'policy',
    );
    if (!validate(data)) {
      const error = mostSpecific(validate.errors ?? []);
      const path = pointerPath(error.instancePath);
      let detail = error.message ?? 'is invalid';
      if (error.keyword === 'additionalProperties') {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        path.push(key);
        detail = `unknown field "${key}"`;
      } else if (error.keyword === 'enum') {
        detail = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      } else if (error.keyword === 'const') {
        detail = `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
      }
      const at = error.keyword === 'additionalProperties' ? whereKey(doc, path, position, file) : where(path);
      const key = path
        .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
        .join('')
        .replace(/^\./, '');
      throw new PolicyLoadError(file, at.line, at.column, `${key || '(document)'}: ${detail}`);
    }
    out.push({
      data: data as PolicyDocument | PolicyTestDocument,
      file,
      where,
      contentStart(path) {
        const node = nodeAt(doc, path);
        const start = node?.range?.[0] ?? 0;
        const type = (node as { type?: string } | undefined)?.type;
        const block = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED';
        if (block) {
          // Content starts on the line after the `|` header.
          const p = position(start);
          return { line: p.line + 1, column: 1, block };
        }
        const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
        const p = position(start + (quoted ? 1 : 0));
        return { ...p, block };
      },
    });
  }
  return out;
}

/** The key of the last segment (an unknown field is shown where its name is written). */
function whereKey(
  doc: Document,
  path: PolicyPath,
  position: (offset: number) => { line: number; column: number },
  file: string,
): SourceRef {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path.at(-1));
    const range = (pair?.key as Node | null)?.range;
    if (range) return { file, ...position(range[0]) };
  }
  return { file, ...position(nodeAt(doc, path)?.range?.[0] ?? 0) };
}

function nodeAt(doc: Document, path: PolicyPath): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return undefined;
}

/** The error deepest in the document: `oneOf` over kinds reports every branch. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const relevant = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const depth = (e: ErrorObject) =>
    e.instancePath.split('/').length + (e.keyword === 'additionalProperties' ? 1 : 0);
  const sorted = [...relevant].sort((a, b) => depth(b) - depth(a));
  return sorted[0] ?? errors[0]!;
}

function pointerPath(pointer: string): PolicyPath {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
