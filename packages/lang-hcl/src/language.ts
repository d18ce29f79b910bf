import type { Comment, Language, Loc, ParseProblem, ParseResult, SourceFile } from '@plumbline/core';
import { ParserNotLoadedError, SourceFile as Source, UnscannableFileError } from '@plumbline/core';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { type JsonNode, JsonSyntaxError, parseJson } from './json.js';
import { type HclInitOptions, hclGrammarLoaded, initHclParser, parseHclText } from './parser.js';
import { planBody, planModuleSources } from './plan.js';

export type HclFileKind = 'hcl' | 'json' | 'tfvars' | 'plan';

/** One parsed Terraform file: configuration (`.tf`, `.tf.json`), variables (`.tfvars`) or a plan. */
export interface HclFile {
  kind: HclFileKind;
  file: SourceFile;
  body: Body;
  /** For a plan: the `source` of each module call of its `configuration`, by module address. */
  planModules?: ReadonlyMap<string, string>;
}

const PLAN = /(^|\/)([^/]*\.tfplan\.json|plan\.json|tfplan\.json)$/i;
const CONFIG = /\.tf(\.json)?$/i;
const TFVARS = /\.tfvars(\.json)?$/i;
const JSON_NAME = /\.json$/i;

let locateFile: HclInitOptions['locateFile'];

/**
 * Terraform: `*.tf`, `*.tf.json`, `*.tfvars` (`.tfvars.json`) and plan JSON files named
 * `*.tfplan.json`, `tfplan.json` or `plan.json` (from `terraform show -json`). Other `.json` is
 * left to the YAML language.
 */
export const hclLanguage: Language<HclFile> & { configure(options: HclInitOptions): void } = {
  id: 'hcl',
  // PLAN is tried at every `/` of the path: only for JSON (every path of a scan is asked, often).
  claims: (path) => CONFIG.test(path) || TFVARS.test(path) || (JSON_NAME.test(path) && PLAN.test(path)),
  // tree-sitter and module evaluation: several times a YAML byte (bench/README.md, issue 17).
  costPerByte: 3,
  // The grammar only when a file needs it: ~20 ms of a scan, and of each worker thread, otherwise.
  load: () => initHclParser(locateFile ? { locateFile } : {}),
  /** Set before `load()` when the `.wasm` files are not where Node resolution finds them (a bundle). */
  configure(options: HclInitOptions) {
    locateFile = options.locateFile;
  },
  parse: parseHcl,
};

export function hclFileKind(path: string): HclFileKind {
  if (PLAN.test(path)) return 'plan';
  if (TFVARS.test(path)) return 'tfvars';
  return /\.json$/i.test(path) ? 'json' : 'hcl';
}

/**
 * `templatefile()` renders its template while the rules run, when nothing can be loaded: a file
 * that calls it has the grammar loaded first, for the template expressions the hand-written
 * parser leaves to tree-sitter.
 */
const CALLS_TEMPLATEFILE = /\btemplatefile\s*\(/;

export function parseHcl(file: SourceFile): ParseResult<HclFile> {
  if (!hclGrammarLoaded() && CALLS_TEMPLATEFILE.test(file.text))
    throw new ParserNotLoadedError('templatefile() needs the Terraform grammar');
  const kind = hclFileKind(file.path);
  const isJson = /\.json$/i.test(file.path);
  if (!isJson) {
    const { body, comments, problems } = parseHclText(file);
    // A file with syntax errors is reported, not half-read: rules on a partial tree would guess.
    return { model: problems.length > 0 ? undefined : { kind, file, body }, problems, comments };
  }
  let root: JsonNode;
  try {
    root = parseJson(file);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    if (error.message === 'nesting too deep')
      throw new UnscannableFileError('JSON nested deeper than 200 levels', error.offset);
    const problem: ParseProblem = {
      message: `invalid JSON: ${error.message}`,
      loc: { file, start: error.offset, end: Math.min(file.text.length, error.offset + 1) },
    };
    return { model: undefined, problems: [problem], comments: [] };
  }
  const comments: Comment[] = [];
  if (kind === 'plan') {
    const body = planBody(root);
    if (!body)
      return { model: undefined, problems: [], comments, skipped: 'skipped: JSON is not a Terraform plan' };
    return { model: { kind, file, body, planModules: planModuleSources(root) }, problems: [], comments };
  }
  if (root.kind !== 'object') {
    return {
      model: undefined,
      problems: [{ message: 'a Terraform JSON file must hold an object', loc: root.loc }],
      comments,
    };
  }
  const body =
    kind === 'tfvars' ? { attributes: root.entries.map(jsonAttribute), blocks: [] } : jsonConfigBody(root);
  return { model: { kind, file, body }, problems: [], comments };
}

/** Block types whose JSON form nests labels as object keys, with the number of labels. */
const TOP_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  provider: 1,
  variable: 1,
  output: 1,
  check: 1,
  import: 0,
  moved: 0,
};
const NESTED_LABELS: Record<string, number> = { backend: 1, dynamic: 1, provisioner: 1, cloud: 0 };

function jsonConfigBody(root: JsonNode & { kind: 'object' }): Body {
  const blocks: Block[] = [];
  for (const entry of root.entries) {
    if (entry.key === '//') continue;
    const labels = TOP_LABELS[entry.key] ?? 0;
    blocks.push(...jsonBlocks(entry.key, entry.value, labels, [], entry.keyLoc));
  }
  return { attributes: [], blocks };
}

function jsonBlocks(
  type: string,
  node: JsonNode,
  labelCount: number,
  labels: string[],
  headerStart: Loc,
): Block[] {
  if (labels.length < labelCount) {
    if (node.kind !== 'object') return [];
    return node.entries.flatMap((e) =>
      jsonBlocks(type, e.value, labelCount, [...labels, e.key], headerStart),
    );
  }
  const bodies = node.kind === 'array' ? node.items : [node];
  return bodies
    .filter((b): b is JsonNode & { kind: 'object' } => b.kind === 'object')
    .map((b) => {
      const body = jsonBody(b);
      return { type, labels, headerLoc: headerStart, loc: b.loc, ...body };
    });
}

/**
 * A JSON body: without the provider schema, an object value may be a map attribute or a nested
 * block, so it is offered as both (rules look up attributes and blocks by name).
 */
function jsonBody(node: JsonNode & { kind: 'object' }): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const e of node.entries) {
    if (e.key === '//') continue;
    if (e.key === 'terraform' || NESTED_LABELS[e.key] !== undefined) {
      blocks.push(...jsonBlocks(e.key, e.value, NESTED_LABELS[e.key] ?? 0, [], e.keyLoc));
      continue;
    }
    attributes.push(jsonAttribute(e));
    const isBlockish =
      e.value.kind === 'object' ||
      (e.value.kind === 'array' &&
        e.value.items.length > 0 &&
        e.value.items.every((i) => i.kind === 'object'));
    if (isBlockish && e.key !== 'tags' && e.key !== 'locals')
      blocks.push(...jsonBlocks(e.key, e.value, 0, [], e.keyLoc));
  }
  return { attributes, blocks };
}

function jsonAttribute(e: { key: string; keyLoc: Loc; value: JsonNode; loc: Loc }): Attribute {
  return { name: e.key, nameLoc: e.keyLoc, expr: jsonExpr(e.value), loc: e.loc };
}

/** JSON values as expressions; strings with `${...}` are parsed as HCL templates. */
export function jsonExpr(node: JsonNode): Expr {
  switch (node.kind) {
    case 'object':
      return {
        kind: 'object',
        items: node.entries.map((e) => ({
          name: e.key,
          key: { kind: 'literal', value: e.key, loc: e.keyLoc },
          value: jsonExpr(e.value),
          loc: e.loc,
        })),
        loc: node.loc,
      };
    case 'array':
      return { kind: 'tuple', items: node.items.map(jsonExpr), loc: node.loc };
    case 'string':
      return node.value.includes('${')
        ? templateFromString(node.value, node.loc)
        : { kind: 'literal', value: node.value, loc: node.loc };
    case 'null':
      return { kind: 'literal', value: null, loc: node.loc };
    default:
      return { kind: 'literal', value: node.value, loc: node.loc };
  }
}

/** Parses a template held in a JSON string; every node of it points at the whole string. */
function templateFromString(value: string, loc: Loc): Expr {
  const snippet = new Source(
    '<json-template>',
    `x = ${JSON.stringify(value).replace(/\\u([0-9a-fA-F]{4})/g, '\\u$1')}\n`,
  );
  try {
    const { body, problems } = parseHclText(snippet);
    const attr = body.attributes[0];
    if (!attr || problems.length > 0) return { kind: 'unsupported', loc };
    return relocate(attr.expr, loc);
  } catch (error) {
    if (error instanceof ParserNotLoadedError) throw error;
    return { kind: 'unsupported', loc };
  }
}

function relocate<T>(value: T, loc: Loc): T {
  if (Array.isArray(value)) return value.map((v) => relocate(v, loc)) as T;
  if (value && typeof value === 'object') {
    if ('file' in value && 'start' in value) return loc as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relocate(v, loc)])) as T;
  }
  return value;
}
