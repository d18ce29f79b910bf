import type { Loc, SourceFile } from '@plumbline/core';
import * as ast from 'dockerfile-ast';
import './argument-cache.js';
import type { Flag, Heredoc, Property, Word } from './model.js';
import { unquoteDocker } from './unquote.js';

/**
 * A Dockerfile as read, before it becomes the model: what `parse.ts` builds stages, scopes and
 * shells from. Two readers make it: dockerfile-ast (`readWithDockerfileAst`, the reference) and the
 * hand-written one (`native-dockerfile/`), which must make exactly the same or give up.
 */
export interface ReadDockerfile {
  escape: string;
  /** Every `# name=value` line dockerfile-ast takes for a directive, known names or not. */
  directives: ReadDirective[];
  /** Comment lines (from the `#`, or the line's start, to the line's end), in file order. */
  comments: Loc[];
  instructions: ReadInstruction[];
}

export interface ReadDirective {
  /** As written. */
  name: string;
  value: string;
  valueLoc: Loc;
  loc: Loc;
}

export interface ReadInstruction {
  /** The keyword as written (`run`). */
  instruction: string;
  loc: Loc;
  keywordLoc: Loc;
  /** Flags of FROM, RUN, COPY, ADD and HEALTHCHECK; none for other keywords. */
  flags: Flag[];
  /** The arguments after those flags, split on blanks as written. */
  args: Word[];
  /** ENV, ARG and LABEL properties, values unquoted. */
  properties: Property[];
  /** The string literals of a JSON (exec) form, quotes included; asked only when the body is one. */
  jsonStrings(): Loc[];
  /** The heredocs of RUN, COPY and ADD; asked only when the instruction holds a `<`. */
  heredocs(): Heredoc[];
  /** ONBUILD's instruction. */
  trigger(): ReadInstruction | undefined;
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

/** Reads `file` with dockerfile-ast: the reference the native reader is compared with. */
export function readWithDockerfileAst(file: SourceFile): ReadDockerfile {
  let df = ast.DockerfileParser.parse(file.text);
  // BuildKit does not treat an escaped escape at the end of a line (`C:\\dir\\`) as a line
  // continuation; dockerfile-ast does. Hide the last character of such lines from it (same length,
  // so every offset stays right) and parse again.
  const escapeChar = df.getEscapeCharacter();
  const esc = escapeRegExp(escapeChar);
  const escapedEscape = new RegExp(`(?<=[^${esc}\\n]|^)${esc}${esc}(?=[ \\t]*\\r?$)`, 'gm');
  // Most files never write the escape twice in a row: skip the regex scan for them.
  if (file.text.includes(escapeChar + escapeChar) && escapedEscape.test(file.text)) {
    df = ast.DockerfileParser.parse(file.text.replace(escapedEscape, (m) => `${m[0]}/`));
  }
  const off = (p: { line: number; character: number }) => file.offset(p.line + 1, p.character + 1);
  const loc = (r: Range): Loc => ({ file, start: off(r.start), end: off(r.end) });
  const fileEscape = df.getEscapeCharacter();
  return {
    escape: fileEscape,
    directives: df.getDirectives().map((d) => ({
      name: d.getName(),
      value: d.getValue(),
      valueLoc: loc(d.getValueRange()),
      loc: loc(d.getRange()),
    })),
    comments: df.getComments().map((c) => loc(c.getRange())),
    instructions: df.getInstructions().map((i) => astInstruction(i, file, loc, off, fileEscape)),
  };
}

function astInstruction(
  i: ast.Instruction,
  file: SourceFile,
  loc: (r: Range) => Loc,
  off: (p: { line: number; character: number }) => number,
  escapeChar: string,
): ReadInstruction {
  const keyword = i.getKeyword().toUpperCase();
  const whole = loc(i.getRange());
  const withFlags = i as unknown as { getFlags?: () => ast.Flag[] };
  const flags: Flag[] =
    FLAGGED.has(keyword) && typeof withFlags.getFlags === 'function'
      ? withFlags.getFlags().map((f) => {
          const valueRange = f.getValueRange();
          return {
            name: f.getName(),
            value: f.getValue() ?? undefined,
            loc: loc(f.getRange()),
            nameLoc: loc(f.getNameRange()),
            valueLoc: valueRange ? loc(valueRange) : undefined,
          };
        })
      : [];
  const withProps = i as unknown as { getProperties?: () => ast.Property[] };
  const properties: Property[] =
    typeof withProps.getProperties === 'function'
      ? withProps.getProperties().map((p) => {
          const valueRange = p.getValueRange();
          const value = p.getValue();
          return {
            name: p.getName(),
            nameLoc: loc(p.getNameRange()),
            value: value === null ? undefined : unquoteDocker(value, escapeChar),
            valueLoc: valueRange ? loc(valueRange) : undefined,
            loc: loc(p.getRange()),
          };
        })
      : [];
  return {
    instruction: i.getInstruction(),
    loc: whole,
    keywordLoc: loc(i.getInstructionRange()),
    flags,
    args: i.getArguments().map((a) => ({ value: a.getValue(), loc: loc(a.getRange()) })),
    properties,
    jsonStrings: () => ((i as ast.JSONInstruction).getJSONStrings?.() ?? []).map((s) => loc(s.getRange())),
    heredocs: () => astHeredocs(i, file, loc, off),
    trigger: () => {
      if (keyword !== 'ONBUILD') return undefined;
      const trigger = (i as ast.Onbuild).getTriggerInstruction?.();
      return trigger ? astInstruction(trigger, file, loc, off, escapeChar) : undefined;
    },
  };
}

function astHeredocs(
  i: ast.Instruction,
  file: SourceFile,
  loc: (r: Range) => Loc,
  off: (p: { line: number; character: number }) => number,
): Heredoc[] {
  const getter = (i as unknown as { getHeredocs?: () => ast.Heredoc[] }).getHeredocs;
  if (typeof getter !== 'function') return [];
  const out: Heredoc[] = [];
  for (const h of getter.call(i)) {
    const content = h.getContentRange();
    const delimiter = h.getDelimiterRange();
    const startLoc = loc(h.getStartRange());
    let contentLoc: Loc;
    if (content) contentLoc = loc(content);
    else {
      const at = delimiter ? off(delimiter.start) : startLoc.end;
      contentLoc = { file, start: at, end: at };
    }
    const end = delimiter ? off(delimiter.end) : contentLoc.end;
    out.push({
      name: h.getName(),
      content: file.text.slice(contentLoc.start, contentLoc.end),
      contentLoc,
      loc: { file, start: startLoc.start, end },
    });
  }
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
