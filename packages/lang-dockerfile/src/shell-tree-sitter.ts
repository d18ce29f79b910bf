import type { Loc } from '@plumbline/core';
import type { Node, Parser } from 'web-tree-sitter';
import type { ShellAssignment, ShellCommand, ShellWord } from './model.js';
import {
  type ArgumentKind,
  type ArgumentSource,
  addCommand,
  type Collecting,
  type OffsetMap,
  shellAssignment,
  shellCommand,
  shellWord,
} from './shell-commands.js';
import { unescapeDoubleQuoted, unescapeWord } from './shell-quoting.js';

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

function kindOf(type: string): ArgumentKind {
  return type === 'word' || type === 'string' || type === 'raw_string' ? type : 'other';
}

/** Reads `text` with tree-sitter-bash and adds its commands and assignments to `c.script`. */
export function collectWithTreeSitter(
  parser: Parser,
  c: Collecting,
  text: string,
  map: OffsetMap,
  wrapper: ShellCommand | undefined,
  depth: number,
): void {
  const { file, script } = c;
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
        const { cmd, argSources, children, childTypes } = found;
        addCommand(c, text, map, cmd, argSources, pipeline, wrapper, depth);
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

/** A command, where its arguments are written, and its named children with their types. */
function toCommand(
  node: Node,
  walk: Walk,
):
  | {
      cmd: ShellCommand;
      argSources: ArgumentSource[];
      children: (Node | null)[];
      childTypes: (string | undefined)[];
    }
  | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const nameWord = toWord(nameNode, walk);
  const argNodes = node.childrenForFieldName('argument').filter((n): n is Node => n !== null);
  const args = argNodes.map((n) => toWord(n, walk));
  const argSources = argNodes.map((n) => ({
    kind: kindOf(typeOf(n, walk)),
    start: n.startIndex,
    end: n.endIndex,
  }));
  const env: ShellAssignment[] = [];
  const children = namedChildrenOf(node, walk);
  const childTypes = children.map((child) => (child ? typeOf(child, walk) : undefined));
  for (let i = 0; i < children.length; i++) {
    if (childTypes[i] === 'variable_assignment') {
      const a = toAssignment(children[i]!, walk);
      if (a) env.push(a);
    }
  }
  const cmd = shellCommand(nameWord, args, env, walk.loc(node.startIndex, node.endIndex));
  return { cmd, argSources, children, childTypes };
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
  return shellAssignment(
    walk.src.slice(name.startIndex, name.endIndex),
    unquoted,
    valueLoc,
    walk.loc(start, end),
  );
}

function toWord(node: Node, walk: Walk): ShellWord {
  const type = typeOf(node, walk);
  const start = node.startIndex;
  const end = node.endIndex;
  const raw = walk.src.slice(start, end);
  return shellWord(unquoteIn(node, type, raw, walk), raw, isDynamic(node, type, walk), walk.loc(start, end));
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
    case 'string':
      return unescapeDoubleQuoted(raw.slice(1, -1));
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
      return unescapeWord(raw);
    default:
      return raw;
  }
}
