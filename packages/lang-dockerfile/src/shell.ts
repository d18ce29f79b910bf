import { accessSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ParserNotLoadedError, type SourceFile } from '@plumbline/core';
import { Parser, Language as TsLanguage } from 'web-tree-sitter';
import type { ShellCommand, ShellScript } from './model.js';
import { collectNative } from './native-shell/collect.js';
import { readNativeShell } from './native-shell/reader.js';
import type { Collecting, OffsetMap } from './shell-commands.js';
import { collectWithTreeSitter } from './shell-tree-sitter.js';

export { baseName, type OffsetMap } from './shell-commands.js';

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

/**
 * Loads tree-sitter and the bash grammar once: the Dockerfile language's `load`, called the first
 * time a script the native reader gives up on is parsed (most Dockerfiles have none).
 */
export function initShell(): Promise<void> {
  initPromise ??= (async () => {
    // A missing file fails here, plainly, not inside the WebAssembly runtime (which prints to stderr).
    for (const name of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) accessSync(locate(name));
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

/** The tree-sitter parser; a parse that needs it before `initShell` is asked to load it first. */
function loadedParser(): Parser {
  if (!parser) throw new ParserNotLoadedError('the shell grammar (tree-sitter-bash) is not loaded');
  return parser;
}

export interface ShellReaderOptions {
  /**
   * Read simple scripts with the native reader (`native-shell/`), tree-sitter the rest (the
   * default); false: tree-sitter reads every script (to compare both ways).
   */
  native?: boolean;
  /** Told of every script text read (a RUN's, a wrapper's) and why the native reader gave it up, if it did. */
  observe?: (text: string, gaveUp: string | undefined, depth: number) => void;
}

let readerOptions: ShellReaderOptions = {};

/** For the differential tests and `bench/shell-native.mjs`; `configureShellReader()` restores the default. */
export function configureShellReader(options: ShellReaderOptions = {}): void {
  readerOptions = options;
}

/** Parses `text` (whose index i sits at file offset map(i)) as a POSIX shell script. */
export function parseShell(file: SourceFile, text: string, map: OffsetMap): ShellScript {
  const script: ShellScript = { commands: [], assignments: [], hasError: false };
  const c: Collecting = {
    file,
    script,
    collect: (inner, innerMap, wrapper, depth) => collect(c, inner, innerMap, wrapper, depth),
  };
  collect(c, text, map, undefined, 0);
  script.commands.forEach((cmd, i) => {
    cmd.index = i;
  });
  return script;
}

/** Reads one script text: the whole RUN, or a script a wrapper runs (`depth` wrappers deep). */
function collect(
  c: Collecting,
  text: string,
  map: OffsetMap,
  wrapper: ShellCommand | undefined,
  depth: number,
): void {
  if (depth > 4) return;
  const { native = true, observe } = readerOptions;
  if (native) {
    // Most RUN scripts are read without the WebAssembly parse and the node-by-node walk; the
    // native reader gives up (one pass at most) on anything it does not read as tree-sitter does,
    // and only then is tree-sitter needed (loaded on demand: `loadedParser`).
    const read = readNativeShell(text);
    if (typeof read !== 'string') {
      observe?.(text, undefined, depth);
      collectNative(c, read, text, map, wrapper, depth);
      return;
    }
    const treeSitter = loadedParser();
    observe?.(text, read, depth);
    collectWithTreeSitter(treeSitter, c, text, map, wrapper, depth);
    return;
  }
  const treeSitter = loadedParser();
  observe?.(text, 'native reader off', depth);
  collectWithTreeSitter(treeSitter, c, text, map, wrapper, depth);
}
