import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceFile } from '@plumbline/core';
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

/** Loads tree-sitter and the bash grammar once. */
export function initShell(): Promise<void> {
  initPromise ??= (async () => {
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

export function shellReady(): boolean {
  return parser !== undefined;
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
  if (!parser) return script;
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
  // Without tree-sitter nothing is read, natively either: a script reads the same both ways.
  if (!parser || depth > 4) return;
  const { native = true, observe } = readerOptions;
  if (native) {
    // Most RUN scripts are read without the WebAssembly parse and the node-by-node walk; the
    // native reader gives up (one pass at most) on anything it does not read as tree-sitter does.
    const read = readNativeShell(text);
    const simple = typeof read !== 'string';
    observe?.(text, simple ? undefined : read, depth);
    if (simple) collectNative(c, read, text, map, wrapper, depth);
    else collectWithTreeSitter(parser, c, text, map, wrapper, depth);
    return;
  }
  observe?.(text, 'native reader off', depth);
  collectWithTreeSitter(parser, c, text, map, wrapper, depth);
}
