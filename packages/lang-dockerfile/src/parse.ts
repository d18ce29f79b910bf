import {
  type Comment,
  type Loc,
  type ParseProblem,
  type ParseResult,
  type SourceFile,
  UnscannableFileError,
} from '@plumbline/core';
import type {
  DockerfileModel,
  ImageRef,
  Instruction,
  InstructionForm,
  ParserDirective,
  Resolved,
  ShellScript,
  Stage,
  Word,
} from './model.js';
import { readNativeDockerfile } from './native-dockerfile/reader.js';
import {
  escapeRegExp,
  type ReadDockerfile,
  type ReadInstruction,
  readWithDockerfileAst,
} from './read-dockerfile.js';
import { baseName, parseShell } from './shell.js';
import { unquoteDocker } from './unquote.js';
import { INCOMPLETE, substitute } from './vars.js';

export { unquoteDocker };

export const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
const JSON_CAPABLE = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'ADD', 'COPY']);
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
/** Variables BuildKit defines for every build. */
/** Instructions Docker rejects without an argument (FROM is checked on its own). */
const NEEDS_ARGUMENTS = new Set([
  'RUN',
  'COPY',
  'ADD',
  'WORKDIR',
  'USER',
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'VOLUME',
  'ENTRYPOINT',
  'STOPSIGNAL',
]);

const PREDEFINED_ARGS = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

/**
 * Shell text one RUN may hand to the shell parser, and one file in total: the parse costs a few
 * hundred bytes of memory per byte, so a hostile multi-megabyte RUN must not take gigabytes. Past
 * a limit the RUN is reported as not fully scanned (`core/unscannable`) and its shell is not read.
 */
export const MAX_SHELL_PER_RUN = 64 * 1024;
export const MAX_SHELL_PER_FILE = 256 * 1024;
export const MAX_DOCKERFILE_SIZE = 512 * 1024;

class Builder {
  readonly problems: ParseProblem[] = [];
  readonly unscanned: ParseProblem[] = [];
  shellBudget = MAX_SHELL_PER_FILE;
  readonly escape: string;

  constructor(
    readonly file: SourceFile,
    read: ReadDockerfile,
  ) {
    this.escape = read.escape;
  }

  slice(loc: Loc): string {
    return this.file.text.slice(loc.start, loc.end);
  }

  /**
   * Replaces line continuations (escape + newline) and the comment or empty lines between
   * continued lines by spaces, so the text keeps its length and offsets map one to one.
   */
  blank(text: string): string {
    const continuation = continuationOf(this.escape);
    // The text is copied once, in slices, with each blanked range as spaces: one range per line
    // at most, in order.
    let out = '';
    let kept = 0;
    let lineStart = 0;
    let first = true;
    while (lineStart <= text.length) {
      let nl = text.indexOf('\n', lineStart);
      const isLast = nl < 0;
      if (nl < 0) nl = text.length;
      const line = text.slice(lineStart, nl);
      const trimmed = line.trim();
      let from: number;
      const to = isLast ? nl : nl + 1;
      if (!first && (trimmed === '' || trimmed.startsWith('#'))) from = lineStart;
      else {
        // As BuildKit: a continuation is an escape at the end of a line not preceded by another escape.
        const m = isLast ? null : continuation.exec(line);
        if (m) from = lineStart + line.length - m[1]!.length;
        else from = line.endsWith('\r') ? nl - 1 : nl;
      }
      if (to > from) {
        out += text.slice(kept, from) + ' '.repeat(to - from);
        kept = to;
      }
      first = false;
      if (isLast) break;
      lineStart = nl + 1;
    }
    return kept === 0 ? text : out + text.slice(kept);
  }

  instruction(
    i: ReadInstruction,
    stageIndex: number,
    scope: ReadonlyMap<string, string | undefined>,
  ): Instruction {
    const keyword = i.instruction.toUpperCase();
    const loc = i.loc;
    const { flags, args } = i;
    // A heredoc starts with `<<` (maybe split by a line continuation): an instruction without a
    // `<` has none, and dockerfile-ast's search splits its arguments again (most RUN lines).
    const lt = this.file.text.indexOf('<', loc.start);
    const heredocs = lt === -1 || lt >= loc.end ? [] : i.heredocs();
    let bodyLoc: Loc | undefined;
    if (args.length > 0) bodyLoc = { file: this.file, start: args[0]!.loc.start, end: loc.end };
    let body = '';
    if (bodyLoc) {
      const raw = this.slice(bodyLoc);
      if (heredocs.length > 0) {
        const firstContent = heredocs[0]!.contentLoc.start;
        const lineEnd = this.file.text.lastIndexOf('\n', firstContent - 1);
        const cut = Math.max(0, Math.min(raw.length, lineEnd - bodyLoc.start));
        body = this.blank(raw.slice(0, cut)) + raw.slice(cut);
      } else body = this.blank(raw);
    }
    let form: InstructionForm = args.length === 0 ? 'none' : 'shell';
    let json: Word[] | undefined;
    if (bodyLoc && JSON_CAPABLE.has(keyword) && heredocs.length === 0) {
      json = this.jsonOf(i, body);
      if (json) form = 'json';
    }
    if (heredocs.length > 0) form = 'heredoc';
    const result: Instruction = {
      keyword,
      keywordLoc: i.keywordLoc,
      argsLoc:
        args.length > 0
          ? { file: this.file, start: args[0]!.loc.start, end: args[args.length - 1]!.loc.end }
          : undefined,
      loc,
      flags,
      args,
      bodyLoc,
      body,
      form,
      json,
      properties: i.properties,
      heredocs,
      shell: undefined,
      trigger: undefined,
      stageIndex,
      stageName: undefined,
      scope,
    };
    if (keyword === 'ONBUILD') {
      const trigger = i.trigger();
      if (trigger) result.trigger = this.instruction(trigger, stageIndex, scope);
    }
    return result;
  }

  jsonOf(i: ReadInstruction, body: string): Word[] | undefined {
    const trimmed = body.trim();
    if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) return undefined;
    const strings = i.jsonStrings();
    if (strings.length !== parsed.length) return undefined;
    return strings.map((loc, k) => ({ value: parsed[k] as string, loc }));
  }
}

/** The end of a continued line (escape, blanks, optional CR), one pattern per escape character. */
const continuations = new Map<string, RegExp>();
function continuationOf(escapeChar: string): RegExp {
  let pattern = continuations.get(escapeChar);
  if (!pattern) {
    const e = escapeRegExp(escapeChar);
    pattern = new RegExp(`(?:^|[^${e}])(${e}[ \\t]*\\r?)$`);
    continuations.set(escapeChar, pattern);
  }
  return pattern;
}

/** Splits `[registry/]repository[:tag][@digest]` into parts with offsets into `text`. */
export function splitImage(text: string): {
  registry: string | undefined;
  repository: string;
  tag: string | undefined;
  tagStart: number;
  digest: string | undefined;
  digestStart: number;
} {
  // Separators inside `${...}` belong to the variable (`${TAG:-1}`), not to the reference.
  const masked = text.replace(/\$\{[^}]*\}/g, (m) => '_'.repeat(m.length));
  let end = text.length;
  let digest: string | undefined;
  let digestStart = -1;
  const at = masked.indexOf('@');
  if (at >= 0) {
    digest = text.slice(at + 1);
    digestStart = at + 1;
    end = at;
  }
  let tag: string | undefined;
  let tagStart = -1;
  const slash = masked.lastIndexOf('/', end - 1);
  const colon = masked.lastIndexOf(':', end - 1);
  if (colon > slash) {
    tag = text.slice(colon + 1, end);
    tagStart = colon + 1;
    end = colon;
  }
  let rest = text.slice(0, end);
  let registry: string | undefined;
  const firstSlash = masked.indexOf('/');
  if (firstSlash > 0 && firstSlash < end) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head.startsWith('$')) {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  return { registry, repository: rest, tag, tagStart, digest, digestStart };
}

export interface DockerfileReaderOptions {
  /**
   * Read Dockerfiles with the native reader (`native-dockerfile/`), dockerfile-ast when it gives
   * up (the default); false: dockerfile-ast reads every file (to compare both ways).
   */
  native?: boolean;
  /** Told of every file read and why the native reader gave it up, if it did. */
  observe?: (file: SourceFile, gaveUp: string | undefined) => void;
}

let readerOptions: DockerfileReaderOptions = {};

/** For the differential tests and `bench/dockerfile-native.mjs`; `configureDockerfileReader()` restores the default. */
export function configureDockerfileReader(options: DockerfileReaderOptions = {}): void {
  readerOptions = options;
}

/** Keywords, arguments, flags, properties and comments of a file: natively when it can, else with dockerfile-ast. */
function readDockerfile(file: SourceFile): ReadDockerfile {
  const { native = true, observe } = readerOptions;
  if (!native) {
    observe?.(file, 'native reader off');
    return readWithDockerfileAst(file);
  }
  // Most Dockerfiles are read in one pass without dockerfile-ast's objects and getters; the native
  // reader gives up (one pass at most) on anything it does not read exactly as dockerfile-ast does.
  const read = readNativeDockerfile(file);
  const simple = typeof read !== 'string';
  observe?.(file, simple ? undefined : read);
  return simple ? read : readWithDockerfileAst(file);
}

/** Parses a Dockerfile into stages and instructions with exact spans, and the shell of every RUN. */
export function parseDockerfile(file: SourceFile): ParseResult<DockerfileModel> {
  // dockerfile-ast builds several objects per word: a hostile multi-megabyte file would take
  // minutes and gigabytes. Real Dockerfiles stay under 20 KB.
  if (file.text.length > MAX_DOCKERFILE_SIZE)
    throw new UnscannableFileError(
      `${file.text.length} characters is over the ${MAX_DOCKERFILE_SIZE}-character budget for a Dockerfile`,
    );
  const read = readDockerfile(file);
  const b = new Builder(file, read);
  const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
  const directives: ParserDirective[] = read.directives
    .filter((d) => KNOWN_DIRECTIVES.has(d.name.toLowerCase()))
    .map((d) => ({ name: d.name.toLowerCase(), value: d.value, valueLoc: d.valueLoc, loc: d.loc }));
  // Unknown "directives" (`# hadolint ignore=DL3008` on line 1) are plain comments to Docker.
  const commentLocs = [
    ...read.directives.filter((d) => !KNOWN_DIRECTIVES.has(d.name.toLowerCase())).map((d) => d.loc),
    ...read.comments,
  ];
  // By line, as dockerfile-ast's ranges were sorted (a stable sort; no two comments share a line).
  const comments: Comment[] = commentLocs
    .sort((x, y) => x.start - y.start)
    .map((loc) => {
      const hash = file.text.indexOf('#', loc.start);
      const start = hash >= 0 && hash < loc.end ? hash : loc.start;
      const line = file.position(start).line;
      return {
        line,
        text: file.text.slice(start + 1, loc.end),
        ownLine:
          file
            .lineText(line)
            .slice(0, file.position(start).column - 1)
            .trim() === '',
        start,
        end: loc.end,
      };
    });

  const instructions: Instruction[] = [];
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  const globalScope = new Map<string, string | undefined>();
  for (const name of PREDEFINED_ARGS) globalScope.set(name, undefined);
  let scope: Map<string, string | undefined> = globalScope;
  let stage: Stage | undefined;
  let posixShell = true;
  const stageNames = new Map<string, Stage>();

  const hasFrom = read.instructions.some((i) => i.instruction.toUpperCase() === 'FROM');
  let fragment: Stage | undefined;
  for (const raw of read.instructions) {
    const keyword = raw.instruction.toUpperCase();
    if (keyword === 'FROM') {
      const ins = b.instruction(raw, stages.length, globalScope);
      if (ins.args.length === 0) {
        // Docker refuses to build this; rules would only guess at an image that is not there.
        b.problems.push({ message: 'FROM needs an image', loc: ins.keywordLoc });
        continue;
      }
      const image = imageOf(b, ins, globalScope, stageNames);
      const nameArg =
        ins.args.length >= 3 && ins.args[1]!.value.toUpperCase() === 'AS' ? ins.args[2] : undefined;
      stage = {
        index: stages.length,
        from: ins,
        image,
        name: nameArg?.value.toLowerCase(),
        nameLoc: nameArg?.loc,
        platform: ins.flags.find((f) => f.name === 'platform'),
        instructions: [ins],
        isFinal: false,
        loc: { ...ins.loc },
      };
      stages.push(stage);
      ins.stageName = stage.name;
      if (stage.name && !stageNames.has(stage.name)) stageNames.set(stage.name, stage);
      instructions.push(ins);
      // A stage built on an earlier stage inherits its ENV; a new image starts with no variables.
      scope = new Map(image.stage ? [...(stageEnv.get(image.stage) ?? [])] : []);
      posixShell = image.stage
        ? (stageShell.get(image.stage) ?? true)
        : !/windows|nanoserver|servercore/i.test(image.value);
      continue;
    }
    if (!KEYWORDS.has(keyword)) {
      b.problems.push({
        message: `unknown instruction: ${raw.instruction}`,
        loc: raw.keywordLoc,
      });
    }
    const ins = b.instruction(raw, stage ? stage.index : -1, scope);
    instructions.push(ins);
    // A file with no FROM at all is a fragment (a template or snippet included elsewhere): its
    // instructions are read as one stage of unknown base, so RUN and COPY are still checked.
    if (!stage && !hasFrom && keyword !== 'ARG') {
      stage = fragmentStage(ins);
      fragment = stage;
    }
    if (NEEDS_ARGUMENTS.has(keyword) && ins.args.length === 0 && !ins.heredocs?.length) {
      b.problems.push({ message: `${keyword} needs at least one argument`, loc: ins.keywordLoc });
    }
    if (!stage) {
      if (keyword === 'ARG') {
        globalArgs.push(ins);
        for (const p of ins.properties)
          globalScope.set(
            p.name,
            p.value === undefined ? undefined : scoped(substitute(p.value, globalScope, b.escape)),
          );
      }
      // Other instructions before the first FROM stay in `instructions` (stage -1): Docker rejects
      // them, and the rule `dockerfile/instruction-before-from` reports it with a peer alias.
      continue;
    }
    if (!stage.instructions.includes(ins)) stage.instructions.push(ins);
    ins.stageName = stage.name;
    if (ins.trigger) ins.trigger.stageName = stage.name;
    stage.loc.end = ins.loc.end;
    if (keyword === 'ARG' || keyword === 'ENV') {
      const next = new Map(scope);
      for (const p of ins.properties) {
        if (p.value === undefined) {
          // `ARG NAME` in a stage re-imports the global default.
          if (!next.has(p.name) || next.get(p.name) === undefined) next.set(p.name, globalScope.get(p.name));
        } else next.set(p.name, scoped(substitute(p.value, scope, b.escape)));
      }
      scope = next;
      stageEnv.set(stage, scope);
    }
    if (keyword === 'SHELL' && ins.json && ins.json.length > 0) {
      posixShell = POSIX_SHELLS.has(baseName(ins.json[0]!.value).replace(/\.exe$/i, ''));
      stageShell.set(stage, posixShell);
    }
    if (keyword === 'RUN' && posixShell && withinShellBudget(b, ins)) ins.shell = shellOf(b, ins);
    if (
      keyword === 'ONBUILD' &&
      ins.trigger?.keyword === 'RUN' &&
      posixShell &&
      withinShellBudget(b, ins.trigger)
    )
      ins.trigger.shell = shellOf(b, ins.trigger);
  }
  if (stages.length > 0) stages[stages.length - 1]!.isFinal = true;
  else if (instructions.length > 0 && !fragment) {
    b.problems.push({
      message: 'no FROM instruction: the file defines no build stage',
      loc: instructions[0]!.keywordLoc,
    });
  }

  const model: DockerfileModel = {
    file,
    escapeChar: b.escape,
    directives,
    instructions,
    globalArgs,
    stages,
    fragment,
    comments,
    stageByName: (name) => stageNames.get(name.toLowerCase()),
    finalStage: stages[stages.length - 1],
    resolve: (text: string, at: Instruction): Resolved => substitute(text, at.scope, b.escape),
  };
  return { model, problems: b.problems, comments, unscanned: b.unscanned };
}

/** The stand-in stage of a fragment: it starts at its first instruction and has no known base. */
function fragmentStage(first: Instruction): Stage {
  const loc = first.keywordLoc;
  return {
    index: -1,
    from: first,
    image: {
      raw: '',
      value: '',
      complete: false,
      registry: undefined,
      repository: '',
      tag: undefined,
      digest: undefined,
      tagLoc: undefined,
      digestLoc: undefined,
      scratch: false,
      stage: undefined,
      loc,
    },
    name: undefined,
    nameLoc: undefined,
    platform: undefined,
    instructions: [first],
    isFinal: false,
    loc: { ...first.loc },
  };
}

/** A value stored in a scope; one that still holds an unknown variable is marked (see `substitute`). */
function scoped(r: Resolved): string {
  return r.complete ? r.value : INCOMPLETE + r.value;
}

const stageEnv = new WeakMap<Stage, Map<string, string | undefined>>();
const stageShell = new WeakMap<Stage, boolean>();

function imageOf(
  b: Builder,
  ins: Instruction,
  scope: ReadonlyMap<string, string | undefined>,
  stageNames: Map<string, Stage>,
): ImageRef {
  const word = ins.args[0];
  const raw = word?.value ?? '';
  const loc = word?.loc ?? ins.keywordLoc;
  const resolved = substitute(raw, scope, b.escape);
  const parts = splitImage(resolved.value);
  const rawParts = splitImage(raw);
  const literal = !raw.includes('$');
  const tagLoc =
    rawParts.tag !== undefined && rawParts.tagStart >= 0
      ? {
          file: b.file,
          start: loc.start + rawParts.tagStart,
          end: loc.start + rawParts.tagStart + rawParts.tag.length,
        }
      : undefined;
  const digestLoc =
    rawParts.digest !== undefined
      ? {
          file: b.file,
          start: loc.start + rawParts.digestStart,
          end: loc.start + rawParts.digestStart + rawParts.digest.length,
        }
      : undefined;
  void literal;
  return {
    raw,
    value: resolved.value,
    complete: resolved.complete,
    registry: parts.registry,
    repository: parts.repository,
    tag: parts.tag,
    digest: parts.digest,
    tagLoc,
    digestLoc,
    scratch: resolved.value.toLowerCase() === 'scratch',
    stage: stageNames.get(resolved.value.toLowerCase()),
    loc,
  };
}

/** Charges a RUN's shell text to the file's budget; past a limit, records the RUN as not checked. */
function withinShellBudget(b: Builder, ins: Instruction): boolean {
  const size = ins.loc.end - ins.loc.start;
  if (size <= MAX_SHELL_PER_RUN && size <= b.shellBudget) {
    b.shellBudget -= size;
    return true;
  }
  const line = b.file.position(ins.loc.start).line;
  let reason: string | undefined;
  if (size > MAX_SHELL_PER_RUN)
    reason = `the RUN instruction at line ${line} is ${size} characters long, over the ${MAX_SHELL_PER_RUN}-character budget for shell parsing; its commands were not checked`;
  else if (size > b.shellBudget)
    reason = `the RUN instructions of this file exceed the ${MAX_SHELL_PER_FILE}-character budget for shell parsing; commands from line ${line} on were not checked`;
  if (reason) {
    // One report per file for the running total: later RUNs are past it as well.
    if (size > MAX_SHELL_PER_RUN || b.shellBudget >= 0)
      b.unscanned.push({
        message: reason,
        loc: { file: b.file, start: ins.loc.start, end: ins.loc.start + 3 },
      });
    if (size <= MAX_SHELL_PER_RUN) b.shellBudget = -1;
    return false;
  }
  b.shellBudget -= size;
  return true;
}

/** The shell of a RUN: shell form, heredoc script(s), or exec form with `sh -c`. */
function shellOf(b: Builder, ins: Instruction): ShellScript | undefined {
  const { file } = b;
  if (!ins.bodyLoc) return undefined;
  const start = ins.bodyLoc.start;
  if (ins.form === 'json' && ins.json) {
    const [exe, ...rest] = ins.json;
    if (!exe) return undefined;
    const flag = rest.findIndex((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value));
    if (POSIX_SHELLS.has(baseName(exe.value)) && flag >= 0 && rest[flag + 1]) {
      const script = rest[flag + 1]!;
      const map = jsonStringMap(file.text, script.loc.start);
      return parseShell(file, script.value, (i) => map[Math.min(i, map.length - 1)]!);
    }
    const words = ins.json.map((w) => ({
      value: w.value,
      raw: file.text.slice(w.loc.start, w.loc.end),
      dynamic: false,
      loc: w.loc,
    }));
    return {
      commands: [
        {
          name: exe.value,
          base: baseName(exe.value),
          nameWord: words[0]!,
          args: words.slice(1),
          env: [],
          pipeline: undefined,
          wrappedBy: undefined,
          index: 0,
          loc: { file, start: exe.loc.start, end: ins.json[ins.json.length - 1]!.loc.end },
        },
      ],
      assignments: [],
      hasError: false,
    };
  }
  if (ins.heredocs.length > 0) {
    // The command line with the `<<EOF` markers blanked out.
    const firstContent = ins.heredocs[0]!.contentLoc.start;
    const cut = Math.max(0, file.text.lastIndexOf('\n', firstContent - 1) - start);
    const line = ins.body
      .slice(0, cut)
      .replace(/<<-?\s*(["']?)([A-Za-z0-9_.-]+)\1/g, (m) => ' '.repeat(m.length));
    const script = parseShell(file, line, (i) => start + i);
    const command = line.trim();
    const runsBody = command === '' || /^(\S*\/)?(ba|da|a|z|k)?sh(\s+-[a-zA-Z]+)*$/.test(command);
    if (runsBody) {
      for (const h of ins.heredocs) {
        const shebang = h.content.match(/^#!\s*(\S+)(?:\s+(\S+))?/);
        if (shebang) {
          const interp = baseName(shebang[1]!) === 'env' ? (shebang[2] ?? '') : baseName(shebang[1]!);
          if (!POSIX_SHELLS.has(interp)) continue;
        }
        const body = parseShell(file, h.content, (i) => h.contentLoc.start + i);
        const offset = script.commands.length;
        for (const c of body.commands) c.index += offset;
        script.commands.push(...body.commands);
        script.assignments.push(...body.assignments);
        script.hasError ||= body.hasError;
      }
    }
    return script;
  }
  return parseShell(file, ins.body, (i) => start + i);
}

/** For a JSON string literal starting at `at` (its opening quote), the file offset of each unescaped character. */
function jsonStringMap(text: string, at: number): number[] {
  const map: number[] = [];
  let i = at + 1;
  while (i < text.length && text[i] !== '"') {
    map.push(i);
    if (text[i] === '\\') {
      i += text[i + 1] === 'u' ? 6 : 2;
    } else i++;
  }
  map.push(i);
  return map;
}
