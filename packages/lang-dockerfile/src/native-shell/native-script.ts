import type { ArgumentKind } from '../shell-commands.js';

// What the native reader makes of a script (`reader.ts`), for `collect.ts`: offsets are into the text it read.

/** A word as the native reader found it. */
export interface NativeWord {
  start: number;
  end: number;
  value: string;
  dynamic: boolean;
  kind: ArgumentKind;
}

/** `NAME=value`: standalone, or before a command's name. An empty value sits at `end`. */
export interface NativeAssignment {
  type: 'assignment';
  start: number;
  end: number;
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

export interface NativeCommand {
  type: 'command';
  start: number;
  end: number;
  env: NativeAssignment[];
  name: NativeWord;
  args: NativeWord[];
  /** Commands of one `a | b` pipeline share a number; undefined outside pipelines. */
  pipeline: number | undefined;
}

export type NativeItem = NativeCommand | NativeAssignment;

/**
 * The commands and standalone assignments of a script in the order the tree-sitter walk meets
 * them: a command, then the commands of the `$(...)` in its arguments (in source order); an
 * assignment, then those of its value.
 */
export interface NativeShell {
  items: NativeItem[];
}
