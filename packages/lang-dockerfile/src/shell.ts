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
    const loc = (start: number, end: number): Loc => ({ file, start: map(start), end: map(end) });
    // An explicit stack, not recursion: `a && b && … ` nests one level per `&&`, and a RUN with
    // thousands of them must not overflow the call stack. Children are pushed in reverse, so
    // commands are still met in document order.
    const stack: { node: Node; pipeline: ShellCommand[] | undefined }[] = [
      { node: tree.rootNode, pipeline: undefined },
    ];
    const pushChildren = (node: Node, pipeline: ShellCommand[] | undefined, keep?: (c: Node) => boolean) => {
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child && (!keep || keep(child))) stack.push({ node: child, pipeline });
      }
    };
    while (stack.length > 0) {
      const { node, pipeline } = stack.pop()!;
      if (node.type === 'command') {
        const cmd = toCommand(node, loc);
        if (!cmd) continue;
        cmd.wrappedBy = wrapper;
        script.commands.push(cmd);
        if (pipeline) {
          pipeline.push(cmd);
          cmd.pipeline = { commands: pipeline, index: pipeline.length - 1 };
        } else if (wrapper?.pipeline && depth > 0 && !WRAPPERS_THAT_SPAWN_SHELLS.has(wrapper.base)) {
          cmd.pipeline = wrapper.pipeline;
        }
        unwrap(file, text, map, script, cmd, node, depth);
        // Commands inside $(...) in the arguments.
        pushChildren(node, undefined, (c) => c.type !== 'command_name' && c.type !== 'variable_assignment');
        continue;
      }
      if (node.type === 'variable_assignment') {
        const a = toAssignment(node, loc);
        if (a) script.assignments.push(a);
      }
      if (node.type === 'pipeline') {
        pushChildren(node, []);
        continue;
      }
      pushChildren(node, pipeline && node.type === 'redirected_statement' ? pipeline : undefined);
    }
  } finally {
    tree.delete();
  }
}

function toCommand(node: Node, loc: (s: number, e: number) => Loc): ShellCommand | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const nameWord = toWord(nameNode, loc);
  const args = node
    .childrenForFieldName('argument')
    .filter((n): n is Node => n !== null)
    .map((n) => toWord(n, loc));
  const env: ShellAssignment[] = [];
  for (const child of node.namedChildren) {
    if (child?.type === 'variable_assignment') {
      const a = toAssignment(child, loc);
      if (a) env.push(a);
    }
  }
  return {
    name: nameWord.value,
    base: baseName(nameWord.value),
    nameWord,
    args,
    env,
    pipeline: undefined,
    wrappedBy: undefined,
    index: 0,
    loc: loc(node.startIndex, node.endIndex),
  };
}

function toAssignment(node: Node, loc: (s: number, e: number) => Loc): ShellAssignment | undefined {
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (!name) return undefined;
  return {
    name: name.text,
    value: value ? unquote(value) : '',
    valueLoc: value ? loc(value.startIndex, value.endIndex) : loc(node.endIndex, node.endIndex),
    loc: loc(node.startIndex, node.endIndex),
  };
}

function toWord(node: Node, loc: (s: number, e: number) => Loc): ShellWord {
  return {
    value: unquote(node),
    raw: node.text,
    dynamic: isDynamic(node),
    loc: loc(node.startIndex, node.endIndex),
  };
}

function isDynamic(node: Node): boolean {
  if (
    [
      'expansion',
      'simple_expansion',
      'command_substitution',
      'process_substitution',
      'arithmetic_expansion',
    ].includes(node.type)
  )
    return true;
  return node.namedChildren.some((c) => c !== null && isDynamic(c));
}

/** The value of a word with shell quoting removed (expansions kept as written). */
export function unquote(node: Node): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string': {
      const inner = node.text.slice(1, -1);
      return inner.replace(/\\([$`"\\\n])/g, '$1');
    }
    case 'concatenation': {
      let out = '';
      let last = node.startIndex;
      for (const child of node.children) {
        if (!child) continue;
        if (child.startIndex > last)
          out += node.text.slice(last - node.startIndex, child.startIndex - node.startIndex);
        out += unquote(child);
        last = child.endIndex;
      }
      return out;
    }
    case 'command_name':
      return node.firstNamedChild ? unquote(node.firstNamedChild) : node.text;
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}

/** Finds the command run by a wrapper (`sudo X`, `env A=1 X`, `sh -c '...'`) and adds it. */
function unwrap(
  file: SourceFile,
  text: string,
  map: OffsetMap,
  script: ShellScript,
  cmd: ShellCommand,
  node: Node,
  depth: number,
): void {
  const argNodes = node.childrenForFieldName('argument').filter((n): n is Node => n !== null);
  if (SHELLS.has(cmd.base)) {
    let i = 0;
    if (cmd.base === 'busybox') i = argNodes[0] && SHELLS.has(unquote(argNodes[0])) ? 1 : argNodes.length;
    for (; i < argNodes.length; i++) {
      const v = unquote(argNodes[i]!);
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        const scriptNode = argNodes[i + 1];
        if (scriptNode) {
          const inner = innerText(scriptNode);
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
  const takesValue = new Set([
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
  while (i < argNodes.length) {
    const v = unquote(argNodes[i]!);
    if (cmd.base === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) i++;
    else if (v === '--') {
      i++;
      break;
    } else if (v.startsWith('-')) i += cmd.base !== 'env' && takesValue.has(v) ? 2 : 1;
    else break;
  }
  if (cmd.base === 'gosu' || cmd.base === 'su-exec' || cmd.base === 'chroot') i++;
  const first = argNodes[i];
  if (!first) return;
  const last = argNodes[argNodes.length - 1]!;
  // Re-parse the wrapped command line from its source (keeps quoting and spans).
  const start = first.startIndex;
  const end = last.endIndex;
  collect(file, text.slice(start, end), (k) => map(start + k), script, cmd, depth + 1);
}

/** The text inside a quoted word and where each of its characters sits in the outer text. */
function innerText(node: Node): { text: string; map: (i: number) => number } | undefined {
  const raw = node.text;
  const base = node.startIndex;
  if (node.type === 'raw_string') return { text: raw.slice(1, -1), map: (i) => base + 1 + i };
  if (node.type === 'string' || node.type === 'word') {
    const quoted = node.type === 'string';
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
  return undefined;
}
