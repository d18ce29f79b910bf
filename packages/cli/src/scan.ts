import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  type Baseline,
  DiskFileSource,
  type FileSource,
  loadConfig,
  parseBaseline,
  type ResolvedConfig,
  type RunResult,
  runAudit,
} from '@plumbline/core';
import { PRESET_DIR, TOOL } from './paths.js';
import { allLanguages, createRegistry } from './registry.js';

export interface ScanOptions {
  /** Directory (or single file) to scan; config is looked up there. */
  root: string;
  /** Read files from here instead of the disk under `root` (a git commit, a tarball). */
  source?: FileSource;
  configPath?: string;
  presets?: string[];
  presetDirs?: string[];
  include?: string[];
  exclude?: string[];
  /** A baseline object, or a path to a baseline file. */
  baseline?: Baseline | string;
  onFile?: (path: string, done: number) => void;
}

export interface ScanOutcome {
  result: RunResult;
  config: ResolvedConfig;
}

/** Loads config and baseline, then runs the engine: the programmatic `plumbline audit`. */
export async function scanWithConfig(options: ScanOptions): Promise<ScanOutcome> {
  const registry = createRegistry();
  const root = resolve(options.root);
  const config = loadConfig({
    root,
    configPath: options.configPath,
    presets: options.presets ? [...options.presets] : undefined,
    presetDirs: options.presetDirs ?? [PRESET_DIR],
    registry,
  });
  const baseline =
    typeof options.baseline === 'string'
      ? parseBaseline(readFileSync(options.baseline, 'utf8'), options.baseline)
      : options.baseline;
  const result = await runAudit({
    source: options.source ?? new DiskFileSource(root, basename(root) || '.'),
    languages: allLanguages,
    registry,
    config,
    include: options.include,
    exclude: options.exclude,
    baseline,
    tool: TOOL,
    onFile: options.onFile,
  });
  return { result, config };
}

export async function scan(options: ScanOptions): Promise<RunResult> {
  return (await scanWithConfig(options)).result;
}
