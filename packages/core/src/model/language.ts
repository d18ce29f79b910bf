import type { Loc, SourceFile } from './source.js';

export interface Comment {
  /** 1-based line the comment is on. */
  line: number;
  /** Comment text without the comment marker. */
  text: string;
  /** True when nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
  /** Offsets of the comment (marker included) in the file. */
  start: number;
  end: number;
}

export interface ParseProblem {
  message: string;
  loc: Loc;
}

export interface ParseResult<M> {
  /** Undefined when the file turned out not to be one this language handles (e.g. YAML that is no manifest). */
  model: M | undefined;
  problems: ParseProblem[];
  comments: Comment[];
  /** Why the file was skipped, when it was (e.g. a Helm template). */
  skipped?: string;
  /**
   * Parts of the file that were not checked (a `RUN` too long to parse, nesting past the limit),
   * with a plain reason each. The engine reports every one as `core/unscannable`, so a file that
   * was only partly read can never pass a gate silently.
   */
  unscanned?: ParseProblem[];
}

/**
 * Thrown by a parser for a file it will not parse: nesting past its depth limit, a budget spent.
 * The message is the plain reason shown to users.
 */
export class UnscannableFileError extends Error {
  override readonly name = 'UnscannableFileError';
  constructor(
    message: string,
    /** Offset the reason points at (start of the file when unknown). */
    readonly offset = 0,
  ) {
    super(message);
  }
}

/**
 * Thrown by `Language.parse` when a file needs what the language loads only on demand
 * (`Language.load`: a WebAssembly grammar its hand-written reader hands the hard text to). The
 * engine loads it and parses the file again (`parseLoading`).
 */
export class ParserNotLoadedError extends Error {
  override readonly name = 'ParserNotLoadedError';
}

/** Deepest nesting any parser accepts; real manifests and modules stay far below it. */
export const MAX_NESTING_DEPTH = 500;

export interface ParsedFile<M = unknown> {
  language: string;
  file: SourceFile;
  model: M;
  /**
   * For ignore comments. The engine keeps a file's comments only when one of them is an ignore
   * directive (the suppression stage reads nothing else); rules read comments from their model.
   */
  comments: Comment[];
}

/** A file format: which paths it claims and how it turns text into a model with offsets. */
export interface Language<M = unknown> {
  id: string;
  /** Cheap, path-only test: should this file be read at all? */
  claims(path: string): boolean;
  /**
   * What checking a byte of this language costs (parse and rules) next to a byte of YAML (1, the
   * default): the engine weighs files by it when it packs shards for threads, so that shards of
   * different languages take about the same time. A rough fixed ratio; see bench/README.md.
   */
  costPerByte?: number;
  /** Asynchronous set-up (e.g. loading a WebAssembly grammar); called once before parsing. */
  init?(): Promise<void>;
  /**
   * Set-up only some files need, loaded the first time `parse` throws `ParserNotLoadedError`
   * (then the file is parsed again): most Dockerfiles never need the shell grammar, whose load
   * is ~45 ms, a tenth of a one-Dockerfile scan. Call it before `parse` to have everything loaded.
   */
  load?(): Promise<void>;
  parse(file: SourceFile): ParseResult<M>;
}
