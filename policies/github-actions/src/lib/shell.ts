import type { Loc } from '@plumbline/core';
import type { GhaValue } from '@plumbline/lang-yaml';

/** A logical line of a `run:` script: continuation backslashes are blanked so offsets stay those of `run.text`. */
export interface ScriptLine {
  /** The line, `\`-newline continuations replaced by spaces of the same length, comments kept. */
  text: string;
  start: number;
  end: number;
}

/** The last scripts split, by text: a dozen rules read the lines of the same `run:` one after another. */
const recentLines = new Map<string, readonly ScriptLine[]>();
const RECENT_SCRIPTS = 64;

/** Logical lines of a script (backslash continuations joined), skipping comment-only lines. */
export function scriptLines(script: string): readonly ScriptLine[] {
  let lines = recentLines.get(script);
  if (!lines) {
    if (recentLines.size >= RECENT_SCRIPTS) recentLines.delete(recentLines.keys().next().value!);
    lines = splitScript(script);
    recentLines.set(script, lines);
  }
  return lines;
}

function splitScript(script: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  let start = 0;
  let i = 0;
  while (start <= script.length) {
    i = start;
    for (;;) {
      const nl = script.indexOf('\n', i);
      if (nl < 0) {
        i = script.length;
        break;
      }
      const before = script.slice(start, nl).replace(/\r$/, '');
      if (before.endsWith('\\') && !before.trimStart().startsWith('#')) {
        i = nl + 1;
        continue;
      }
      i = nl;
      break;
    }
    const raw = script.slice(start, i);
    const text = raw.replace(/\\\r?\n/g, (m) => ' '.repeat(m.length)).replace(/\r$/, '');
    if (text.trim() !== '' && !text.trimStart().startsWith('#'))
      out.push({ text, start, end: start + text.trimEnd().length });
    if (i >= script.length) break;
    start = i + 1;
  }
  return out;
}

/** Occurrences of `re` (global flag added) in each logical line of a run script, with their spans. */
export function findInScript(
  run: GhaValue | undefined,
  re: RegExp,
): { match: RegExpMatchArray; line: ScriptLine; loc: Loc }[] {
  if (!run?.text) return [];
  const lines = scriptLines(run.text);
  if (missesAll(re, lines)) return [];
  const global = globalOf(re);
  const out: { match: RegExpMatchArray; line: ScriptLine; loc: Loc }[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(global)) {
      const from = line.start + match.index!;
      const matched = match[0].trimEnd();
      out.push({ match, line, loc: run.locate(from, from + matched.length) });
    }
  }
  return out;
}

/**
 * Whether no logical line can match `re`, told by one search of the lines joined by line breaks
 * (most patterns match no line of most scripts). A match inside a line is a match of the joined
 * text too, unless the pattern looks past the match at where the line ends: `^`, `$` and
 * lookarounds (a `\b` sees a line break as it sees a line's end), so those patterns search line
 * by line as before.
 */
function missesAll(re: RegExp, lines: readonly ScriptLine[]): boolean {
  if (LOOKS_AROUND.test(re.source) || re.sticky) return false;
  let joined = joinedLines.get(lines);
  if (joined === undefined) {
    joined = lines.map((line) => line.text).join('\n');
    joinedLines.set(lines, joined);
  }
  // `search` leaves the pattern's lastIndex as it was.
  return joined.search(re) === -1;
}

const LOOKS_AROUND = /[\^$]|\(\?<?[=!]/;
const joinedLines = new WeakMap<readonly ScriptLine[], string>();

const globals = new WeakMap<RegExp, RegExp>();

/** A copy of `re` with the global flag, made once per pattern; only `matchAll` uses it, which clones it at lastIndex 0. */
function globalOf(re: RegExp): RegExp {
  let global = globals.get(re);
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globals.set(re, global);
  }
  return global;
}

/** Span of a whole logical line (trimmed). */
export function lineLoc(run: GhaValue, line: ScriptLine): Loc {
  const lead = line.text.length - line.text.trimStart().length;
  return run.locate(line.start + lead, line.end);
}
