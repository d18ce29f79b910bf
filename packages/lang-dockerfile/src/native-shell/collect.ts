import type { ShellAssignment, ShellCommand } from '../model.js';
import {
  addCommand,
  type Collecting,
  type OffsetMap,
  shellAssignment,
  shellCommand,
  shellWord,
} from '../shell-commands.js';
import type { NativeAssignment, NativeShell, NativeWord } from './native-script.js';

/**
 * Adds what the native reader read of `text` to `c.script`, as the tree-sitter walk would: the
 * same objects, and wrappers looked into through the same `addCommand`.
 */
export function collectNative(
  c: Collecting,
  native: NativeShell,
  text: string,
  map: OffsetMap,
  wrapper: ShellCommand | undefined,
  depth: number,
): void {
  const { file } = c;
  const loc = (start: number, end: number) => ({ file, start: map(start), end: map(end) });
  const word = (w: NativeWord) =>
    shellWord(w.value, text.slice(w.start, w.end), w.dynamic, loc(w.start, w.end));
  const assignment = (a: NativeAssignment): ShellAssignment =>
    shellAssignment(a.name, a.value, loc(a.valueStart, a.valueEnd), loc(a.start, a.end));
  const pipelines: ShellCommand[][] = [];
  for (const item of native.items) {
    if (item.type === 'assignment') {
      c.script.assignments.push(assignment(item));
      continue;
    }
    const cmd = shellCommand(
      word(item.name),
      item.args.map(word),
      item.env.map(assignment),
      loc(item.start, item.end),
    );
    let pipeline: ShellCommand[] | undefined;
    if (item.pipeline !== undefined) {
      pipeline = pipelines[item.pipeline] ?? [];
      pipelines[item.pipeline] = pipeline;
    }
    addCommand(c, text, map, cmd, item.args, pipeline, wrapper, depth);
  }
}
