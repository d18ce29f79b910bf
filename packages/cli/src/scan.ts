import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  type AuditStage,
  type Baseline,
  ConfigError,
  configIgnores,
  DiskFileSource,
  debugTimeline,
  type FileSource,
  type PendingRules,
  parseBaseline,
  type ResolvedConfig,
  type RuleRegistry,
  type RunResult,
  runAudit,
  scannedPaths,
  type WorkerSetup,
} from '@plumbline/core';
import { ADMISSION_POLICY_LANGUAGES, findAdmissionPolicies } from '@plumbline/policy/find';
import { HelmRenderer, KustomizeRenderer, type RenderCache } from '@plumbline/render';
import { findPolicyFiles } from './custom-policies.js';
import { gitTrackedFiles } from './git-tracked.js';
import { chooseHeapGrowth } from './heap-growth.js';
import { chooseJitBudget } from './jit-budget.js';
import { KeptReadsSource } from './kept-reads.js';
import { ListedOnceSource, languagesFor } from './listed-once.js';
import { plainFsError } from './node-errors.js';
import { PRESET_DIR, TOOL } from './paths.js';
import { allLanguages, configurePacks } from './registry.js';
import { configuredRules, engineWorkerSetup, type ScanSetupData } from './scan-setup.js';
import { largeScanWatch, threadsOf } from './scan-size.js';
import { chooseWasmTiering } from './wasm-tiering.js';
import { prestartScanWorkers } from './worker-prestart.js';

export interface ScanOptions {
  /** Directory (or single file) to scan; config is looked up there. */
  root: string;
  /** Only these paths under `root` (relative, posix), each scanned exactly; default: all of `root`. */
  paths?: string[];
  /** Read files from here instead of the disk under `root` (a git commit, a tarball). */
  source?: FileSource;
  configPath?: string;
  presets?: string[];
  presetDirs?: string[];
  include?: string[];
  exclude?: string[];
  /** Terraform `--var-file`s, as paths relative to `root`. */
  varFiles?: string[];
  /** A baseline object, or a path to a baseline file. */
  baseline?: Baseline | string;
  onFile?: (path: string, done: number) => void;
  /** The helm binary (`--helm`); default: `PLUMBLINE_HELM`, config `helm.binary`, then PATH. */
  helm?: string;
  /** False: no Helm rendering or kustomize builds (`--no-render`). */
  render?: boolean;
  /** Outcomes of earlier Helm and kustomize runs (default: none; the CLI's `audit` keeps one per user). */
  renderCache?: RenderCache;
  /**
   * Threads that parse and check (`--threads`): 1 = this thread only; N = this thread and N-1
   * workers; default 'auto' (one per core, workers only for large scans). Scans of a `source`
   * other than the disk stay on this thread.
   */
  threads?: number | 'auto';
  /** Milliseconds per pipeline stage, once per stage at the end (benchmarks). */
  onStageTime?: (stage: AuditStage, ms: number) => void;
}

export interface ScanOutcome {
  result: RunResult;
  config: ResolvedConfig;
}

/** Loads config and baseline, then runs the engine: the programmatic `plumbline audit`. */
export async function scanWithConfig(options: ScanOptions): Promise<ScanOutcome> {
  debugTimeline('scan starts');
  const root = resolve(options.root);
  const presetDirs = options.presetDirs ?? [PRESET_DIR];
  // What the scan leaves out is known before its rules: the admission policies become rules, and
  // only the scanned files hold them; the scanned files' languages decide which packs load.
  const scanned = scannedPaths({
    ignore: configIgnores({ root, configPath: options.configPath, presets: options.presets, presetDirs }),
    exclude: options.exclude,
    include: options.include,
  });
  const source = new ListedOnceSource(options.source ?? diskSource(root, options.paths), scanned);
  const threads = options.threads ?? 'auto';
  // Workers open the files themselves: a source that cannot say how keeps the run on this thread.
  const pooled = source.readerDescription() !== undefined;
  // A large scan raises the JIT budget and starts its workers (each importing the packs of the
  // languages seen) as soon as the walk has listed enough to call it large, while the walk goes on.
  const entries = await source.listing(
    largeScanWatch(allLanguages, (seenLanguages, seen) => {
      chooseJitBudget(seenLanguages, seen, threads);
      if (pooled && prestartScanWorkers(seenLanguages, seen, threads))
        debugTimeline('workers prestarted while listing');
    }),
  );
  debugTimeline('listed');
  // The languages of the scanned files decide which packs are imported (here and in every worker).
  const languages = languagesFor(allLanguages, entries);
  // The repository's `.plumbline/policies/` apply to a scan of any of its files, even when the
  // config ignores them.
  const policyFiles = await findPolicyFiles({ root, source: options.source, configPath: options.configPath });
  const baseline = typeof options.baseline === 'string' ? readBaseline(options.baseline) : options.baseline;
  // The engine starts without the admission policies, which the main thread then looks for among
  // the scanned files (see `admissionRules`); a pooled run checks other languages meanwhile.
  const setup: ScanSetupData = {
    root,
    configPath: options.configPath,
    presets: options.presets ? [...options.presets] : undefined,
    presetDirs,
    varFiles: options.varFiles,
    custom: { policyFiles, admission: [] },
    admissionPending: true,
    languages: languages.map((l) => l.id),
    baseline,
  };
  const { registry, config } = await configuredRules(setup);
  debugTimeline('rules and config built');
  await configurePacks(setup.languages, { varFiles: options.varFiles });
  chooseWasmTiering(languages, entries);
  chooseHeapGrowth(languages, entries, threads, options.render !== false);
  debugTimeline('packs configured');
  const workerSetup = engineWorkerSetup(setup);
  // The engine reads what the admission search read already without reading again: on this
  // thread, and in a worker when the bytes are in shared memory.
  const reads = new KeptReadsSource(source, { shared: pooled && threadsOf(threads) > 1 });
  const admission = admissionRules(reads.keeping, setup, { registry, config, workerSetup });
  const result = await runAudit({
    source: reads,
    languages,
    registry,
    config,
    include: options.include,
    exclude: options.exclude,
    baseline,
    tool: TOOL,
    onFile: options.onFile,
    threads,
    onStageTime: options.onStageTime,
    workerSetup,
    pendingRules: admission,
    renderers:
      options.render === false
        ? []
        : [
            new HelmRenderer({
              binary: options.helm ?? (process.env.PLUMBLINE_HELM || undefined),
              cache: options.renderCache,
            }),
            new KustomizeRenderer({ cache: options.renderCache }),
          ],
  });
  reads.forget();
  debugTimeline('engine done');
  // The config of the run: with the admission policies' rules, which it may set.
  const { config: finalConfig } = await admission.settle();
  // Config files named in notices (an expired exception) are shown relative to the root, like every path.
  for (const error of result.errors) {
    if (error.file && isAbsolute(error.file)) {
      const rel = relative(statSync(root).isDirectory() ? root : dirname(root), error.file)
        .split(sep)
        .join('/');
      error.file = rel.startsWith('..') ? basename(error.file) : rel;
    }
  }
  return { result, config: finalConfig };
}

/**
 * The rules of the scan's admission policies, found once when the engine asks (`settle`): among
 * the scanned YAML only, and each a `vap/<name>` rule the config may set. Without any, the
 * rules and config are those the run started with.
 */
function admissionRules(
  scanned: FileSource,
  setup: ScanSetupData,
  started: { registry: RuleRegistry; config: ResolvedConfig; workerSetup: WorkerSetup | undefined },
): PendingRules {
  let settled: ReturnType<PendingRules['settle']> | undefined;
  return {
    languages: ADMISSION_POLICY_LANGUAGES,
    settle: () =>
      (settled ??= (async () => {
        const admission = await findAdmissionPolicies(scanned);
        debugTimeline('admission policies found');
        // None: the same rules; workers keep theirs (a shard naming a `vap/` id is checked again here).
        if (admission.length === 0) return { ...started, registry: started.registry.withScanDefinedFound() };
        const found: ScanSetupData = {
          ...setup,
          custom: { ...setup.custom, admission },
          admissionPending: false,
        };
        return { ...(await configuredRules(found)), workerSetup: engineWorkerSetup(found) };
      })()),
  };
}

/**
 * The work tree on disk: inside git, tracked files are scanned whatever `.gitignore` says. git is
 * asked only when a walk meets an ignore file (a run of `git ls-files`, ~20 ms, more in a large
 * repository): never for named files, as a pre-commit hook passes them.
 */
function diskSource(root: string, paths: string[] | undefined): DiskFileSource {
  const dir = statSync(root).isDirectory() ? root : dirname(root);
  return new DiskFileSource(root, basename(root) || '.', { paths, tracked: () => gitTrackedFiles(dir) });
}

export async function scan(options: ScanOptions): Promise<RunResult> {
  return (await scanWithConfig(options)).result;
}

function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--baseline ${path}: ${plainFsError(error)}`);
  }
  try {
    return parseBaseline(text, path);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
