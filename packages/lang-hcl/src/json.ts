import type { Loc, SourceFile } from '@plumbline/core';

/** A JSON value with the offsets of every node (for `.tf.json`, plan JSON and policy heredocs). */
export type JsonNode =
  | { kind: 'object'; entries: JsonEntry[]; loc: Loc }
  | { kind: 'array'; items: JsonNode[]; loc: Loc }
  | { kind: 'string'; value: string; loc: Loc }
  | { kind: 'number'; value: number; loc: Loc }
  | { kind: 'boolean'; value: boolean; loc: Loc }
  | { kind: 'null'; loc: Loc };

export interface JsonEntry {
  key: string;
  keyLoc: Loc;
  value: JsonNode;
  loc: Loc;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * A small strict JSON parser that keeps offsets. `text` may be a slice of `file` starting at
 * `base` (a heredoc inside a .tf file), so locations point into the real file.
 */
export function parseJson(file: SourceFile, text = file.text, base = 0): JsonNode {
  let i = 0;
  const loc = (start: number, end: number): Loc => ({ file, start: base + start, end: base + end });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, base + Math.min(i, text.length));
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const string = (): string => {
    if (text[i] !== '"') fail('expected a string');
    i++;
    let out = '';
    let chunk = i;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === '\\') {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && map[e] !== undefined) {
          out += map[e];
          i += 2;
        } else fail('bad escape');
        chunk = i;
        continue;
      }
      if (c === '\n') fail('unterminated string');
      i++;
    }
    return fail('unterminated string');
  };
  const value = (depth: number): JsonNode => {
    if (depth > 200) fail('nesting too deep');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, loc: loc(start, i) };
      }
      for (;;) {
        ws();
        const ks = i;
        const key = string();
        const keyLoc = loc(ks, i);
        ws();
        if (text[i] !== ':') fail('expected `:`');
        i++;
        const v = value(depth + 1);
        entries.push({ key, keyLoc, value: v, loc: loc(ks, i) });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, loc: loc(start, i) };
        }
        fail('expected `,` or `}`');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, loc: loc(start, i) };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, loc: loc(start, i) };
        }
        fail('expected `,` or `]`');
      }
    }
    if (c === '"') {
      const s = string();
      return { kind: 'string', value: s, loc: loc(start, i) };
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (m) {
      i += m[0].length;
      return { kind: 'number', value: Number(m[0]), loc: loc(start, i) };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, loc: loc(start, i) } as JsonNode;
      }
    }
    return fail(c === undefined ? 'unexpected end of input' : `unexpected \`${c}\``);
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('unexpected content after the JSON value');
  return root;
}

/** Plain JavaScript value of a JSON node. */
export function jsonValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, jsonValue(e.value)]));
    case 'array':
      return node.items.map(jsonValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
