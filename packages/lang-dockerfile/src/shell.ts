import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Loc, SourceFile } from '@plumbline/core';
import { type Node, Parser, Language as TsLanguage } from 'web-tree-sitter';
import type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from './model.js';

/** Maps an index of the text handed to the shell parser to an offset of the Dockerfile. */
export type OffsetMap = (index: number) => number;

let parser: Parser | undefined;
let initPromise: Promise<void> | undefined;
let locateOverride: ((name: string) => string) | undefined;

/**
 * Where the WebAssembly files are. By default they are resolved from node_modules; a bundled
 * GitHub Action copies `web-tree-sitter.wasm` and `tree-sitter-bash.wasm` next to its bundle and
 * either calls this or sets `PLUMBLINE_WASM_DIR`.
 */
export function setWasmLocator(locate: ((name: string) => string) | undefined): void {
  locateOverride = locate;
}

function locate(name: string): string {
  if (locateOverride) return locateOverride(name);
  const dir = process.env.PLUMBLINE_WASM_DIR;
  if (dir) return join(dir, name);
  const require = createRequire(import.meta.url);
  if (name === 'tree-sitter-bash.wasm') return require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  return join(dirname(require.resolve('web-tree-sitter')), name);
}

/** Loads tree-sitter and the bash grammar once. */
export function initShell(): Promise<void> {
  initPromise ??= (async () => {
    await Parser.init({ locateFile: (name: string) => locate(name) });
    const bash = await TsLanguage.load(locate('tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })();
  initPromise.catch(() => {
    initPromise = undefined;
  });
  return initPromise;
}

export function shellReady(): boolean {
  return parser !== undefined;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
/** Commands that run their arguments as another command. */
const WRAPPERS = new Set([
  'sudo',
  'env',
  'exec',
  'nohup',
  'time',
  'nice',
  'command',
  'xargs',
  'gosu',
  'su-exec',
  'chroot',
  'doas',
]);

/** Wrappers whose inner script is a new shell: its pipes are its own. */
const WRAPPERS_THAT_SPAWN_SHELLS = SHELLS;

export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Parses `text` (whose index i sits at file offset map(i)) as a POSIX shell script. */
export function parseShell(file: SourceFile, text: string, map: OffsetMap): ShellScript {
  const script: ShellScript = { commands: [], assignments: [], hasError: false };
  if (!parser) return script;
  collect(file, text, map, script, undefined, 0);
  script.commands.forEach((c, i) => {
    c.index = i;
  });
  return script;
}

/**
 * Every `Node` getter but `startIndex` (type, end, children, text) is a call into WebAssembly, and
 * `text` copies the rest of the source first: the walk below reads each once and slices the text
 * it handed to the parser instead (node indices are offsets into it).
 */
interface Walk {
  /** The text handed to the parser. */
  src: string;
  loc: (start: number, end: number) => Loc;
  /**
   * Types and named children by node id (unique within a tree): `childrenForFieldName` and
   * `namedChildren` hand out distinct objects for the same node.
   */
  types: Map<number, string>;
  named: Map<number, (Node | null)[]>;
}

function typeOf(node: Node, walk: Walk): string {
  let type = walk.types.get(node.id);
  if (type === undefined) {
    type = node.type;
    walk.types.set(node.id, type);
  }
  return type;
}

function namedChildrenOf(node: Node, walk: Walk): (Node | null)[] {
  let children = walk.named.get(node.id);
  if (children === undefined) {
    children = node.namedChildren;
    walk.named.set(node.id, children);
  }
  return children;
}

/**
 * Named node types of tree-sitter-bash that are tokens: they never have named children (those
 * without children in the grammar's `node-types.json`, tree-sitter-bash 0.25; check on upgrade).
 */
const LEAF_TYPES = new Set([
  'word',
  'raw_string',
  'ansi_c_string',
  'comment',
  'extglob_pattern',
  'file_descriptor',
  'heredoc_content',
  'heredoc_end',
  'heredoc_start',
  'regex',
  'special_variable_name',
  'string_content',
  'test_operator',
  'variable_name',
]);
const DYNAMIC_TYPES = new Set([
  'expansion',
  'simple_expansion',
  'command_substitution',
  'process_substitution',
  'arithmetic_expansion',
]);
/** Options of wrapper commands that take a value (`sudo -u user cmd`). */
const TAKES_VALUE = new Set([
  '-u',
  '-g',
  '-n',
  '-C',
  '-D',
  '-p',
  '-h',
  '-r',
  '-t',
  '-U',
  '-I',
  '-L',
  '-P',
  '-s',
  '-d',
  '-E',
]);

function collect(
  file: SourceFile,
  text: string,
  map: OffsetMap,
  script: ShellScript,
  wrapper: ShellCommand | undefined,
  depth: number,
): void {
  if (!parser || depth > 4) return;
  const tree = parser.parse(text);
  if (!tree) return;
  try {
    if (tree.rootNode.hasError) script.hasError = true;
    const walk: Walk = {
      src: text,
      loc: (start, end) => ({ file, start: map(start), end: map(end) }),
      types: new Map(),
      named: new Map(),
    };
    // An explicit stack, not recursion: `a && b && … ` nests one level per `&&`, and a RUN with
    // thousands of them must not overflow the call stack. Children are pushed in reverse, so
    // commands are still met in document order. `type` is filled when already known.
    const stack: { node: Node; type: string | undefined; pipeline: ShellCommand[] | undefined }[] = [
      { node: tree.rootNode, type: undefined, pipeline: undefined },
    ];
    const pushChildren = (node: Node, pipeline: ShellCommand[] | undefined) => {
      const children = namedChildrenOf(node, walk);
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push({ node: child, type: undefined, pipeline });
      }
    };
    while (stack.length > 0) {
      const { node, type: known, pipeline } = stack.pop()!;
      const type = known ?? typeOf(node, walk);
      // Tokens have no children to look into.
      if (LEAF_TYPES.has(type)) continue;
      if (type === 'command') {
        const found = toCommand(node, walk);
        if (!found) continue;
        const { cmd, argNodes, children, childTypes } = found;
        cmd.wrappedBy = wrapper;
        script.commands.push(cmd);
        if (pipeline) {
          pipeline.push(cmd);
          cmd.pipeline = { commands: pipeline, index: pipeline.length - 1 };
        } else if (wrapper?.pipeline && depth > 0 && !WRAPPERS_THAT_SPAWN_SHELLS.has(wrapper.base)) {
          cmd.pipeline = wrapper.pipeline;
        }
        unwrap(file, walk, map, script, cmd, argNodes, depth);
        // Commands inside $(...) in the arguments.
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i];
          const childType = childTypes[i];
          if (child && childType !== 'command_name' && childType !== 'variable_assignment')
            stack.push({ node: child, type: childType, pipeline: undefined });
        }
        continue;
      }
      if (type === 'variable_assignment') {
        const a = toAssignment(node, walk);
        if (a) script.assignments.push(a);
      }
      if (type === 'pipeline') {
        pushChildren(node, []);
        continue;
      }
      pushChildren(node, pipeline && type === 'redirected_statement' ? pipeline : undefined);
    }
  } finally {
    tree.delete();
  }
}

/** A command, the nodes of its arguments, and its named children with their types. */
function toCommand(
  node: Node,
  walk: Walk,
):
  | { cmd: ShellCommand; argNodes: Node[]; children: (Node | null)[]; childTypes: (string | undefined)[] }
  | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const nameWord = toWord(nameNode, walk);
  const argNodes = node.childrenForFieldName('argument').filter((n): n is Node => n !== null);
  const args = argNodes.map((n) => toWord(n, walk));
  const env: ShellAssignment[] = [];
  const children = namedChildrenOf(node, walk);
  const childTypes = children.map((child) => (child ? typeOf(child, walk) : undefined));
  for (let i = 0; i < children.length; i++) {
    if (childTypes[i] === 'variable_assignment') {
      const a = toAssignment(children[i]!, walk);
      if (a) env.push(a);
    }
  }
  const cmd: ShellCommand = {
    name: nameWord.value,
    base: baseName(nameWord.value),
    nameWord,
    args,
    env,
    pipeline: undefined,
    wrappedBy: undefined,
    index: 0,
    loc: walk.loc(node.startIndex, node.endIndex),
  };
  return { cmd, argNodes, children, childTypes };
}

function toAssignment(node: Node, walk: Walk): ShellAssignment | undefined {
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (!name) return undefined;
  const start = node.startIndex;
  const end = node.endIndex;
  let valueLoc: Loc;
  let unquoted = '';
  if (value) {
    const valueStart = value.startIndex;
    const valueEnd = value.endIndex;
    unquoted = unquoteIn(value, typeOf(value, walk), walk.src.slice(valueStart, valueEnd), walk);
    valueLoc = walk.loc(valueStart, valueEnd);
  } else valueLoc = walk.loc(end, end);
  return {
    name: walk.src.slice(name.startIndex, name.endIndex),
    value: unquoted,
    valueLoc,
    loc: walk.loc(start, end),
  };
}

function toWord(node: Node, walk: Walk): ShellWord {
  const type = typeOf(node, walk);
  const start = node.startIndex;
  const end = node.endIndex;
  const raw = walk.src.slice(start, end);
  return {
    value: unquoteIn(node, type, raw, walk),
    raw,
    dynamic: isDynamic(node, type, walk),
    loc: walk.loc(start, end),
  };
}

function isDynamic(node: Node, type: string, walk: Walk): boolean {
  if (DYNAMIC_TYPES.has(type)) return true;
  if (LEAF_TYPES.has(type)) return false;
  return namedChildrenOf(node, walk).some((c) => c !== null && isDynamic(c, typeOf(c, walk), walk));
}

/**
 * The value of a word (a node of `type` whose text is `raw`) with shell quoting removed
 * (expansions kept as written).
 */
function unquoteIn(node: Node, type: string, raw: string, walk: Walk): string {
  const src = walk.src;
  switch (type) {
    case 'raw_string':
      return raw.slice(1, -1);
    case 'ansi_c_string':
      return raw.slice(2, -1);
    case 'string': {
      const inner = raw.slice(1, -1);
      return inner.includes('\\') ? inner.replace(/\\([$`"\\\n])/g, '$1') : inner;
    }
    case 'concatenation': {
      let out = '';
      let last = node.startIndex;
      for (const child of node.children) {
        if (!child) continue;
        const start = child.startIndex;
        const end = child.endIndex;
        if (start > last) out += src.slice(last, start);
        out += unquoteIn(child, typeOf(child, walk), src.slice(start, end), walk);
        last = end;
      }
      return out;
    }
    case 'command_name': {
      const first = node.firstNamedChild;
      return first
        ? unquoteIn(first, typeOf(first, walk), src.slice(first.startIndex, first.endIndex), walk)
        : raw;
    }
    case 'word':
      return raw.includes('\\') ? raw.replace(/\\(.)/g, '$1') : raw;
    default:
      return raw;
  }
}

/** Finds the command run by a wrapper (`sudo X`, `env A=1 X`, `sh -c '...'`) and adds it. */
function unwrap(
  file: SourceFile,
  walk: Walk,
  map: OffsetMap,
  script: ShellScript,
  cmd: ShellCommand,
  argNodes: Node[],
  depth: number,
): void {
  // `cmd.args[i].value` is the unquoted value of `argNodes[i]`.
  const values = cmd.args;
  if (SHELLS.has(cmd.base)) {
    let i = 0;
    if (cmd.base === 'busybox') i = argNodes[0] && SHELLS.has(values[0]!.value) ? 1 : argNodes.length;
    for (; i < argNodes.length; i++) {
      const v = values[i]!.value;
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        const scriptNode = argNodes[i + 1];
        if (scriptNode) {
          const inner = innerText(scriptNode, walk);
          if (inner) collect(file, inner.text, (k) => map(inner.map(k)), script, cmd, depth + 1);
        }
        return;
      }
      if (v.startsWith('-') || v.startsWith('+')) continue;
      return; // `sh script.sh`
    }
    return;
  }
  if (!WRAPPERS.has(cmd.base)) return;
  // Skip the wrapper's own options (and `env`'s assignments, `gosu`'s user) to the wrapped command.
  let i = 0;
  while (i < argNodes.length) {
    const v = values[i]!.value;
    if (cmd.base === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) i++;
    else if (v === '--') {
      i++;
      break;
    } else if (v.startsWith('-')) i += cmd.base !== 'env' && TAKES_VALUE.has(v) ? 2 : 1;
    else break;
  }
  if (cmd.base === 'gosu' || cmd.base === 'su-exec' || cmd.base === 'chroot') i++;
  const first = argNodes[i];
  if (!first) return;
  const last = argNodes[argNodes.length - 1]!;
  // Re-parse the wrapped command line from its source (keeps quoting and spans).
  const start = first.startIndex;
  const end = last.endIndex;
  collect(file, walk.src.slice(start, end), (k) => map(start + k), script, cmd, depth + 1);
}

/** The text inside a quoted word and where each of its characters sits in the outer text. */
function innerText(node: Node, walk: Walk): { text: string; map: (i: number) => number } | undefined {
  const src = walk.src;
  const type = typeOf(node, walk);
  const base = node.startIndex;
  if (type !== 'raw_string' && type !== 'string' && type !== 'word') return undefined;
  const raw = src.slice(base, node.endIndex);
  if (type === 'raw_string') return { text: raw.slice(1, -1), map: (i) => base + 1 + i };
  const quoted = type === 'string';
  const from = quoted ? 1 : 0;
  const to = quoted ? raw.length - 1 : raw.length;
  let out = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < to && (!quoted || '$`"\\\n'.includes(raw[i + 1]!))) {
      i++;
      offsets.push(base + i);
      out += raw[i];
      continue;
    }
    offsets.push(base + i);
    out += ch;
  }
  offsets.push(base + to);
  return { text: out, map: (i) => offsets[Math.min(i, offsets.length - 1)]! };
}
