/**
 * The engine with every shipped language and rule, for `plumbline org scan`: loaded by URL in the
 * organisation scanner's worker threads (see @plumbline/org scan.ts). A repository's own
 * `.plumbline.yaml` applies on top of the org-level baseline (`--config`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  loadConfig,
  type Renderer,
  type ResolvedConfig,
  type RuleRegistry,
  type RunResult,
  readConfigFile,
  runAudit,
  type ScanError,
} from '@plumbline/core';
import type { AuditRequest } from '@plumbline/org';
import { configureTerraform } from '@plumbline/policy-terraform';
import { DiskRenderCache, HelmRenderer, KustomizeRenderer } from '@plumbline/render';
import { PRESET_DIR, TOOL } from './paths.js';
import { allLanguages, createRegistry } from './registry.js';

/**
 * What Helm and kustomize need besides the files a language claims: chart metadata, templates and
 * helpers of any extension, CRDs, ignore files. Files a chart reads with `.Files.Get` or a
 * kustomization's generators read from other folders are not kept; a chart or overlay that needs
 * them fails to render and says so (`core/render-error`), it does not pass silently.
 */
const RENDER_INPUT =
  /(^|\/)(Chart\.(ya?ml|lock)|requirements\.(ya?ml|lock)|values\.schema\.json|\.helmignore|[^/]+\.tpl)$|(^|\/)(templates|crds)\//i;

/** Archive entries worth keeping: what a language claims, what rendering reads, and the config file. */
export function keepForOrgScan(path: string): boolean {
  return (
    CONFIG_FILE_NAMES.includes(path) || RENDER_INPUT.test(path) || allLanguages.some((l) => l.claims(path))
  );
}

/** Per-run settings of `org scan`, passed to every repository's audit (see `auditorOptions`). */
export type OrgAuditorOptions = {
  /** False: no Helm rendering or kustomize builds (`--no-render`). */
  render?: boolean;
  /** The helm binary (`--helm`); default `PLUMBLINE_HELM`, then helm on PATH. */
  helm?: string;
  /** The render cache's folder (see DiskRenderCache); none: every chart is rendered. */
  renderCache?: string;
};

/** Per worker: one cache object per folder, whose counts cover the worker's repositories. */
const renderCaches = new Map<string, DiskRenderCache>();

function renderersFor(options: OrgAuditorOptions): Renderer[] {
  if (options.render === false) return [];
  let cache: DiskRenderCache | undefined;
  if (options.renderCache) {
    cache = renderCaches.get(options.renderCache) ?? new DiskRenderCache(options.renderCache);
    renderCaches.set(options.renderCache, cache);
  }
  return [
    new HelmRenderer({ binary: options.helm ?? (process.env.PLUMBLINE_HELM || undefined), cache }),
    new KustomizeRenderer({ cache }),
  ];
}

/** The org-level baseline alone (also what the skip-unchanged check hashes). */
export function loadOrgBaseline(orgConfig: string | undefined, registry: RuleRegistry): ResolvedConfig {
  const empty = mkdtempSync(join(tmpdir(), 'plumbline-org-config-'));
  try {
    return loadConfig({
      root: empty,
      presets: orgConfig ? [orgConfig] : undefined,
      presetDirs: [PRESET_DIR],
      registry,
    });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/** Per worker: the registry and the baseline are the same for every repository of a run. */
let shared: { registry: RuleRegistry; baselines: Map<string, ResolvedConfig> } | undefined;

export async function auditRepository(request: AuditRequest): Promise<RunResult> {
  shared ??= { registry: await createRegistry(), baselines: new Map() };
  const registry = shared.registry;
  const baselineKey = request.orgConfig ?? '';
  if (!shared.baselines.has(baselineKey))
    shared.baselines.set(baselineKey, loadOrgBaseline(request.orgConfig, registry));
  const errors: ScanError[] = [];
  let configName: string | undefined;
  let configText: Buffer | undefined;
  for await (const entry of request.source.list()) {
    if (CONFIG_FILE_NAMES.includes(entry.path) && !configName) {
      configName = entry.path;
      configText = await request.source.read(entry.path).catch(() => undefined);
    }
  }
  let config: ResolvedConfig | undefined;
  if (configName && configText) {
    // The config engine reads files; the repository's one file goes to a private folder for it.
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-org-repo-'));
    const file = join(dir, '.plumbline.yaml');
    try {
      writeFileSync(file, configText);
      const parsed = readConfigFile(file);
      // A repository may extend named presets only: a path would read this machine's files.
      for (const parent of [parsed.extends ?? []].flat())
        if (/[/\\]|\.ya?ml$/i.test(parent) || parent.startsWith('.'))
          throw new ConfigError(
            `extends: "${parent}" is a path; a scanned repository may extend named presets only`,
          );
      config = loadConfig({
        root: dir,
        presets: request.orgConfig ? [request.orgConfig] : undefined,
        presetDirs: [PRESET_DIR],
        registry,
      });
      for (const exception of config.exceptions) if (exception.source === file) exception.source = configName;
      config.sources = config.sources.map((s) => (s === file ? configName! : s));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const message = error.message.split(file).join(configName);
      errors.push({
        kind: 'config',
        file: configName,
        message: `${message.startsWith(configName) ? message : `${configName}: ${message}`} (scanned with the org baseline instead)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  config ??= shared.baselines.get(baselineKey)!;
  configureTerraform({ varFiles: undefined });
  const result = await runAudit({
    source: request.source,
    languages: allLanguages,
    registry,
    config,
    tool: TOOL,
    renderers: renderersFor((request.options ?? {}) as OrgAuditorOptions),
  });
  result.errors.unshift(...errors);
  return result;
}
