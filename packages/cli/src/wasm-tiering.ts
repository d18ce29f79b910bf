import { setFlagsFromString } from 'node:v8';
import type { Language, SourceEntry } from '@plumbline/core';
import { claimedBytes } from './scan-size.js';

/**
 * Below this many bytes of files to parse, the tree-sitter grammars (WebAssembly) run on V8's
 * baseline compiler only. Measured with bench/startup.mjs and a 2 MB Terraform repository: at
 * that size both cost the same; below it, optimising the grammars costs more than it saves.
 */
export const BASELINE_WASM_MAX_BYTES = 2_000_000;

let decided = false;
let liftoffOnly = false;

/**
 * A small scan keeps the grammars' WebAssembly on Liftoff (V8's baseline compiler). Otherwise V8
 * re-compiles the large grammar modules with TurboFan on background threads, and Node waits for
 * those compilations before the process exits: ~1 s of wall time and more CPU on one Dockerfile.
 * Decided once per process, before the first grammar is compiled (the flag is read at compile
 * time and applies to every thread); later, larger scans in the same process keep the choice.
 */
export function chooseWasmTiering(languages: readonly Language[], entries: readonly SourceEntry[]): void {
  if (decided) return;
  decided = true;
  if (claimedBytes(languages, entries) <= BASELINE_WASM_MAX_BYTES) {
    setFlagsFromString('--liftoff-only');
    liftoffOnly = true;
  }
}

/**
 * Puts V8's flags back as a new process starts with, once the scan is over: V8's code cache
 * records a hash of the flags and rejects data written under others (see v8-code-cache.ts).
 */
export function restoreWasmTiering(): void {
  if (!liftoffOnly) return;
  // `--liftoff-only` also turned these off (V8's flag implications).
  for (const flag of ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering'])
    setFlagsFromString(flag);
  liftoffOnly = false;
}
