import type { Comment, Loc, Located, SourceFile } from '@plumbline/core';

/** A parser directive at the top of the file (`# escape=\``, `# syntax=docker/dockerfile:1`). */
export interface ParserDirective extends Located {
  name: string;
  value: string;
  valueLoc: Loc;
}

/** A `--name=value` flag of FROM, RUN, COPY, ADD or HEALTHCHECK. */
export interface Flag extends Located {
  name: string;
  /** Undefined for a bare `--link`. */
  value: string | undefined;
  nameLoc: Loc;
  valueLoc: Loc | undefined;
}

/** One whitespace-separated argument as written (quotes kept), with its span. */
export interface Word extends Located {
  value: string;
}

/** `KEY=value` (or legacy `KEY value`) of ENV, ARG and LABEL. */
export interface Property extends Located {
  name: string;
  nameLoc: Loc;
  /** Unquoted value as written (variables not substituted); undefined for `ARG NAME`. */
  value: string | undefined;
  valueLoc: Loc | undefined;
}

export interface Heredoc extends Located {
  name: string;
  /** The body (between the opening line and the delimiter). */
  content: string;
  contentLoc: Loc;
}

/** A variable substitution result. */
export interface Resolved {
  value: string;
  /** False when a variable had no known value (the text keeps `$VAR` there). */
  complete: boolean;
}

/** A shell word (argument), its unquoted value and its exact span in the Dockerfile. */
export interface ShellWord extends Located {
  /** Value with quotes removed (expansions kept as written). */
  value: string;
  /** Text as written in the shell source. */
  raw: string;
  /** True when the word holds an expansion or substitution (`$X`, `$(cmd)`). */
  dynamic: boolean;
}

export interface ShellAssignment extends Located {
  name: string;
  value: string;
  valueLoc: Loc;
}

/** A simple command (`apt-get install -y curl`), after `&&`, `;`, `|`, subshells and `sh -c` are looked through. */
export interface ShellCommand extends Located {
  /** Command name as written, e.g. `apt-get` or `/usr/bin/curl`. */
  name: string;
  /** Base name of the command (`curl` for `/usr/bin/curl`). */
  base: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** `VAR=value` prefixes. */
  env: ShellAssignment[];
  /** When part of `a | b | c`: the pipeline and this command's index in it. */
  pipeline: { commands: ShellCommand[]; index: number } | undefined;
  /** The command that runs this one (`sudo`, `env`, `sh -c`, ...), if any. */
  wrappedBy: ShellCommand | undefined;
  /** Other commands of the same `&&`/`;` chain follow in `script.commands`. */
  index: number;
}

export interface ShellScript {
  /** Every simple command, in source order (wrapped commands appear after their wrapper). */
  commands: ShellCommand[];
  /** Standalone assignments and `export X=...`. */
  assignments: ShellAssignment[];
  /** True when tree-sitter-bash found a syntax error (commands are still extracted). */
  hasError: boolean;
}

export type InstructionForm = 'json' | 'shell' | 'heredoc' | 'none';

export interface Instruction extends Located {
  /** Upper-case keyword (`RUN`), as Docker treats keywords case-insensitively. */
  keyword: string;
  keywordLoc: Loc;
  /** Span of everything after the keyword (flags included); undefined when there is nothing. */
  argsLoc: Loc | undefined;
  flags: Flag[];
  /** Arguments after the flags, split on whitespace as written (quotes kept). */
  args: Word[];
  /** Span of the arguments after the flags (the command of RUN/CMD, the paths of COPY). */
  bodyLoc: Loc | undefined;
  /** Text of the body with line continuations and embedded comments replaced by spaces (same length). */
  body: string;
  form: InstructionForm;
  /** JSON (exec) form strings, unescaped, with spans. */
  json: Word[] | undefined;
  /** ENV, ARG and LABEL properties. */
  properties: Property[];
  heredocs: Heredoc[];
  /** The parsed shell of RUN (shell form, heredoc scripts, or exec form `sh -c`); undefined when not POSIX shell. */
  shell: ShellScript | undefined;
  /** For ONBUILD: the triggered instruction. */
  trigger: Instruction | undefined;
  /** Index of the stage the instruction is in; -1 before the first FROM (global ARGs). */
  stageIndex: number;
  /** `AS` name of that stage (lower-cased), if it has one. */
  stageName: string | undefined;
  /** Variables (ARG/ENV) visible at this instruction: name → value (undefined = declared without known value). */
  scope: ReadonlyMap<string, string | undefined>;
}

export interface ImageRef extends Located {
  /** As written, e.g. `${BASE}:3.19`. */
  raw: string;
  /** After ARG substitution. */
  value: string;
  /** False when a variable in the reference has no known value. */
  complete: boolean;
  /** `docker.io`, `ghcr.io`, ... when written; undefined for Docker Hub short names. */
  registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/node` is written `node`). */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Span of `:tag` value (without the colon) in the file, when written literally. */
  tagLoc: Loc | undefined;
  digestLoc: Loc | undefined;
  /** `FROM scratch`. */
  scratch: boolean;
  /** The earlier stage this FROM builds on (`FROM build AS test`). */
  stage: Stage | undefined;
}

export interface Stage extends Located {
  index: number;
  from: Instruction;
  image: ImageRef;
  /** `AS name`, lower-cased as Docker does. */
  name: string | undefined;
  nameLoc: Loc | undefined;
  platform: Flag | undefined;
  /** Instructions of the stage, FROM first. */
  instructions: Instruction[];
  isFinal: boolean;
}

export interface DockerfileModel {
  file: SourceFile;
  escapeChar: string;
  directives: ParserDirective[];
  /** Every instruction in file order (global ARGs, stages, ONBUILD wrappers; triggers are in `trigger`). */
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  /**
   * A file without any FROM (a `Dockerfile.in` template, a snippet another file includes): its
   * instructions as one stand-in stage whose base is unknown (`from` is its first instruction,
   * `image` is empty and incomplete). It is not in `stages`, so rules about stages and the final
   * image leave it alone; rules that read instructions and commands can include it.
   */
  fragment: Stage | undefined;
  comments: Comment[];
  /** Stage by (lower-case) name. */
  stageByName(name: string): Stage | undefined;
  finalStage: Stage | undefined;
  /** Substitutes `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR:+x}` with the values visible at `at`. */
  resolve(text: string, at: Instruction): Resolved;
}
