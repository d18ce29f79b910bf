import type { Loc, SourceFile } from '@plumbline/core';
import type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from './model.js';

/** Maps an index of the text handed to the shell parser to an offset of the Dockerfile. */
export type OffsetMap = (index: number) => number;

/**
 * What both shell readers (the native one and the tree-sitter walk) share while they fill one
 * script: the commands they find go through `addCommand`, which looks into wrappers.
 */
export interface Collecting {
  file: SourceFile;
  script: ShellScript;
  /** Reads a script found inside a wrapper (`sh -c '...'`, `sudo ...`), at `depth`. */
  collect(text: string, map: OffsetMap, wrapper: ShellCommand, depth: number): void;
}

/**
 * How an argument is written, as far as wrappers care: `sh -c` re-reads the text inside a single
 * word, a double-quoted or a single-quoted string only (tree-sitter's `word`, `string` and
 * `raw_string`; a number, a concatenation or an expansion is `other`).
 */
export type ArgumentKind = 'word' | 'string' | 'raw_string' | 'other';

/** An argument's place in the text handed to the reader, and how it is written. */
export interface ArgumentSource {
  kind: ArgumentKind;
  start: number;
  end: number;
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

export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 ? name.slice(i + 1) : name;
}

/** A shell word: both readers build it the same way (same keys, same order). */
export function shellWord(value: string, raw: string, dynamic: boolean, loc: Loc): ShellWord {
  return { value, raw, dynamic, loc };
}

export function shellAssignment(name: string, value: string, valueLoc: Loc, loc: Loc): ShellAssignment {
  return { name, value, valueLoc, loc };
}

/** A simple command before it is placed in a script (`addCommand` sets the links and the index). */
export function shellCommand(
  nameWord: ShellWord,
  args: ShellWord[],
  env: ShellAssignment[],
  loc: Loc,
): ShellCommand {
  return {
    name: nameWord.value,
    base: baseName(nameWord.value),
    nameWord,
    args,
    env,
    pipeline: undefined,
    wrappedBy: undefined,
    index: 0,
    loc,
  };
}

/**
 * Adds a command found in `src` (read at `depth` inside `wrapper`, if any) to the script: links it
 * to its pipeline (a command run by a wrapper that is not a shell takes the wrapper's), then adds
 * what it runs if it is a wrapper. `args[i]` is where `cmd.args[i]` is written in `src`.
 */
export function addCommand(
  c: Collecting,
  src: string,
  map: OffsetMap,
  cmd: ShellCommand,
  args: readonly ArgumentSource[],
  pipeline: ShellCommand[] | undefined,
  wrapper: ShellCommand | undefined,
  depth: number,
): void {
  cmd.wrappedBy = wrapper;
  c.script.commands.push(cmd);
  if (pipeline) {
    pipeline.push(cmd);
    cmd.pipeline = { commands: pipeline, index: pipeline.length - 1 };
  } else if (wrapper?.pipeline && depth > 0 && !WRAPPERS_THAT_SPAWN_SHELLS.has(wrapper.base)) {
    cmd.pipeline = wrapper.pipeline;
  }
  unwrap(c, src, map, cmd, args, depth);
}

/** Finds the command run by a wrapper (`sudo X`, `env A=1 X`, `sh -c '...'`) and reads it. */
function unwrap(
  c: Collecting,
  src: string,
  map: OffsetMap,
  cmd: ShellCommand,
  args: readonly ArgumentSource[],
  depth: number,
): void {
  // `cmd.args[i].value` is the unquoted value of `args[i]`.
  const values = cmd.args;
  if (SHELLS.has(cmd.base)) {
    let i = 0;
    if (cmd.base === 'busybox') i = args[0] && SHELLS.has(values[0]!.value) ? 1 : args.length;
    for (; i < args.length; i++) {
      const v = values[i]!.value;
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        const scriptArg = args[i + 1];
        if (scriptArg) {
          const inner = innerText(src, scriptArg);
          if (inner) c.collect(inner.text, (k) => map(inner.map(k)), cmd, depth + 1);
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
  while (i < args.length) {
    const v = values[i]!.value;
    if (cmd.base === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) i++;
    else if (v === '--') {
      i++;
      break;
    } else if (v.startsWith('-')) i += cmd.base !== 'env' && TAKES_VALUE.has(v) ? 2 : 1;
    else break;
  }
  if (cmd.base === 'gosu' || cmd.base === 'su-exec' || cmd.base === 'chroot') i++;
  const first = args[i];
  if (!first) return;
  const last = args[args.length - 1]!;
  // Re-read the wrapped command line from its source (keeps quoting and spans).
  const start = first.start;
  c.collect(src.slice(start, last.end), (k) => map(start + k), cmd, depth + 1);
}

/** The text inside a quoted word and where each of its characters sits in the outer text. */
function innerText(
  src: string,
  arg: ArgumentSource,
): { text: string; map: (i: number) => number } | undefined {
  const { kind, start: base } = arg;
  if (kind === 'other') return undefined;
  const raw = src.slice(base, arg.end);
  if (kind === 'raw_string') return { text: raw.slice(1, -1), map: (i) => base + 1 + i };
  const quoted = kind === 'string';
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
