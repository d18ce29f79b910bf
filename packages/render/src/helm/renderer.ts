import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import {
  DEFAULT_VARIANT,
  emptyRenderOutput,
  globMatcher,
  mayHoldDirective,
  RenderedFile,
  type Renderer,
  type RenderInput,
  type RenderOutput,
  type RenderPlan,
  SourceFile,
} from '@plumbline/core';
import { yamlComments } from '@plumbline/lang-yaml';
import { parseDocument } from 'yaml';
import { findOnPath } from '../binary.js';
import type { RenderCache } from '../cache/render-cache.js';
import { baseName, joinPath, relativeTo } from '../paths.js';
import { mapBounded } from '../pool.js';
import { indexTemplate, type TemplateSegment } from '../source-map/template-index.js';
import { type ValuesFile, valuesFileOf } from '../source-map/values-locator.js';
import { runTool, WORKSPACE } from '../tool-run.js';
import { ChartIndex } from './chart-index.js';
import { type ChartUnit, discoverCharts } from './discover.js';
import { HelmSourceMap } from './helm-map.js';

export interface HelmRendererOptions {
  /** The `helm` binary; default: config `helm.binary`, then `helm` on PATH. */
  binary?: string;
  /** PATH to look `helm` up in (default: the process's PATH). */
  searchPath?: string;
  /** Helm processes at a time (default 2–4 by CPU count). */
  concurrency?: number;
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** Values sets per chart at most (the defaults included). */
  maxVariants?: number;
  /** Outcomes of earlier runs: an unchanged chart and values set is not rendered again. */
  cache?: RenderCache;
}

/** A chart with its files read: the plain, serialisable job one `helm template` run needs. */
interface ChartJob {
  dir: string;
  name: string;
  files: Map<string, Buffer>;
  variant: string;
  /** Values file relative to the chart folder; undefined for the defaults. */
  valuesFile?: string;
  /** Dependencies named in Chart.yaml that are not vendored in `charts/`. */
  missing: string[];
}

/** The namespace charts are rendered into (what `helm install -n` would choose). */
export const RELEASE_NAMESPACE = 'release-namespace';

/** Renders Helm charts with `helm template`, once per values set, and maps the output to sources. */
export class HelmRenderer implements Renderer {
  readonly id = 'helm';
  readonly outputLanguages = ['yaml'];

  constructor(private readonly options: HelmRendererOptions = {}) {}

  async plan(input: RenderInput): Promise<RenderPlan> {
    const out = emptyRenderOutput();
    const index = new ChartIndex(input.entries);
    const charts = discoverCharts(index).filter((c) => c.hasTemplates);
    if (charts.length === 0) return { claimed: [], run: async () => out };
    const binary = this.binaryFor(input);
    if (!binary) {
      out.stats.skipped = charts.length;
      out.notices.push({
        message: `${charts.length} Helm ${charts.length === 1 ? 'chart was' : 'charts were'} not rendered: no \`helm\` on PATH (install Helm or pass --helm <path>); their templates are skipped`,
      });
      return { claimed: [], run: async () => out };
    }
    const limit = this.options.concurrency ?? Math.min(4, Math.max(2, availableParallelism()));
    return {
      // Every file of a chart belongs to its release (a library chart's too: it only holds helpers
      // for other charts): none is parsed again on its own.
      claimed: charts.flatMap((chart) => chart.files.map((entry) => entry.path)),
      run: async () => {
        await mapBounded(charts, limit, (chart) => this.renderChart(chart, index, input, binary, out));
        return out;
      },
    };
  }

  private binaryFor(input: RenderInput): string | undefined {
    if (this.options.binary) return this.options.binary;
    // A config file is part of the scanned input: it may name an absolute binary of this machine,
    // never one inside the repository.
    const configured = input.config.helm?.binary;
    if (configured && isAbsolute(configured)) return configured;
    return findOnPath('helm', this.options.searchPath);
  }

  private async renderChart(
    chart: ChartUnit,
    index: ChartIndex,
    input: RenderInput,
    binary: string,
    out: RenderOutput,
  ): Promise<void> {
    const maxSize = input.config.maxFileSize;
    const files = new Map<string, Buffer>();
    for (const entry of chart.files) {
      if (entry.size > maxSize) continue;
      try {
        files.set(relativeTo(entry.path, chart.dir), await input.source.read(entry.path));
      } catch {
        // Unreadable files are reported when the loose-file pass lists them; the chart renders without.
      }
    }
    const chartYamlPath = join(chart.dir, 'Chart.yaml');
    const chartYaml = new SourceFile(chartYamlPath, files.get('Chart.yaml')?.toString('utf8') ?? '');
    const meta = parseChartYaml(chartYaml.text);
    // A library chart only holds helpers for other charts: nothing to install, nothing to render.
    if (meta.library) return;
    // Chart API v1 lists dependencies in requirements.yaml.
    const requirements = parseChartYaml(files.get('requirements.yaml')?.toString('utf8') ?? '');
    const dependencies = [...meta.dependencies, ...requirements.dependencies];
    const vendored = (d: Dependency) =>
      [...files.keys()].some(
        (p) =>
          p.startsWith(`charts/${d.name}/`) ||
          new RegExp(`^charts/${escapeRegExp(d.name)}-[^/]*\\.tgz$`).test(p),
      );
    const missing: string[] = [];
    /** Files copied in from another chart of the scan: findings go to where they really are. */
    const realPaths = new Map<string, string>();
    const pathOf = (rel: string) => realPaths.get(rel) ?? join(chart.dir, rel);
    for (const d of dependencies.filter((d) => !vendored(d))) {
      // Offline stand-in for `helm dependency build`: the same chart when the scan holds it (a
      // `file://` path, or a sibling chart of that name in the same repository folder).
      const local = await this.localChart(d, chart, index, input);
      if (local)
        for (const [rel, { bytes, path }] of local) {
          files.set(`charts/${d.name}/${rel}`, bytes);
          realPaths.set(`charts/${d.name}/${rel}`, path);
        }
      else missing.push(d.name);
    }
    if (missing.length > 0)
      out.notices.push({
        file: chartYamlPath,
        message: `dependencies not vendored in charts/ (${missing.join(', ')}): rendered without them (Plumbline never runs helm dependency update)`,
      });
    const configured = Object.entries(input.config.helm?.values ?? {})
      .filter(([glob]) => globMatcher([glob])(chart.dir))
      .flatMap(([, globs]) => {
        const match = globMatcher(globs);
        return input.entries.filter((e) => match(e.path)).map((e) => e.path);
      });
    const variants: { variant: string; valuesFile?: string; rootPath?: string }[] = [
      { variant: DEFAULT_VARIANT },
      ...chart.valuesFiles.map((rel) => ({ variant: rel, valuesFile: rel, rootPath: join(chart.dir, rel) })),
      ...configured.map((path) => ({
        variant: path,
        valuesFile: `.plumbline-values/${path}`,
        rootPath: path,
      })),
    ].slice(0, this.options.maxVariants ?? 8);
    for (const v of configured) {
      if (files.has(`.plumbline-values/${v}`)) continue;
      try {
        files.set(`.plumbline-values/${v}`, await input.source.read(v));
      } catch {
        // reported as unreadable by the loose pass
      }
    }
    for (const [rel, bytes] of files) {
      if (!/\.(ya?ml|tpl)$/.test(rel) || rel.startsWith('.plumbline-values/')) continue;
      if (realPaths.has(rel)) continue;
      const text = bytes.toString('utf8');
      // Kept for their ignore comments only: most templates have none to look for.
      if (mayHoldDirective(text))
        out.sources.push({ file: new SourceFile(join(chart.dir, rel), text), comments: yamlComments(text) });
    }
    const valuesFiles = new Map<string, ValuesFile>();
    const valuesOf = (rel: string, rootPath: string) => {
      let v = valuesFiles.get(rel);
      if (!v) {
        v = valuesFileOf(rootPath, files.get(rel)?.toString('utf8') ?? '');
        valuesFiles.set(rel, v);
      }
      return v;
    };
    const segmentsCache = new Map<string, TemplateSegment[]>();
    /** Helm's message → the values sets that failed with it: one finding per distinct error. */
    const failures = new Map<string, string[]>();
    await mapBounded(variants, 1, async (v) => {
      const job: ChartJob = {
        dir: chart.dir,
        name: meta.name,
        files,
        variant: v.variant,
        valuesFile: v.valuesFile,
        missing,
      };
      const result = await this.runHelm(job, binary);
      if ('error' in result) {
        failures.set(result.error, [...(failures.get(result.error) ?? []), v.variant]);
        return;
      }
      for (const [source, text] of result.bySource) {
        // `shop/charts/cache/templates/x.yaml`: the chart's own name first, then the path in it.
        const rel = source.slice(source.indexOf('/') + 1);
        const templatePath = pathOf(rel);
        const templateText = files.get(rel)?.toString('utf8') ?? '';
        let segments = segmentsCache.get(rel);
        if (!segments) {
          segments = indexTemplate(templateText);
          segmentsCache.set(rel, segments);
        }
        const subchart = /^charts\/([^/]+)\//.exec(rel)?.[1];
        const values: { file: ValuesFile; prefix: string[] }[] = [];
        if (v.valuesFile && v.rootPath)
          values.push({ file: valuesOf(v.valuesFile, v.rootPath), prefix: subchart ? [subchart] : [] });
        if (subchart) {
          values.push({ file: valuesOf('values.yaml', join(chart.dir, 'values.yaml')), prefix: [subchart] });
          values.push({
            file: valuesOf(`charts/${subchart}/values.yaml`, pathOf(`charts/${subchart}/values.yaml`)),
            prefix: [],
          });
        } else values.push({ file: valuesOf('values.yaml', join(chart.dir, 'values.yaml')), prefix: [] });
        const mapper = new HelmSourceMap({ text, templatePath, templateText, segments, values });
        out.files.push(
          new RenderedFile(
            `@render/helm/${v.variant}/${templatePath}`.replace(/\.tpl$/, '.yaml'),
            text,
            `helm:${chart.dir}#${v.variant}`,
            v.variant,
            mapper,
            RELEASE_NAMESPACE,
          ),
        );
      }
    });
    const firstLineEnd = chartYaml.text.indexOf('\n');
    for (const [error, failedSets] of failures) {
      const which = failedSets.length === variants.length ? '' : ` with ${failedSets.join(', ')}`;
      out.problems.push({
        at: { file: chartYaml, start: 0, end: firstLineEnd > 0 ? firstLineEnd : chartYaml.text.length },
        message: `\`helm template\` failed${which}: ${error}`,
        evidence: error,
      });
    }
    if (failures.size > 0) out.stats.failed++;
    else out.stats.rendered++;
  }

  /** Files of a dependency found in the scan itself (relative to that chart's folder), if any. */
  private async localChart(
    dep: Dependency,
    chart: ChartUnit,
    index: ChartIndex,
    input: RenderInput,
  ): Promise<Map<string, { bytes: Buffer; path: string }> | undefined> {
    let dir: string | undefined;
    if (dep.repository.startsWith('file://'))
      dir = joinPath(chart.dir, dep.repository.slice('file://'.length));
    else {
      const top = chart.dir.split('/')[0] ?? '';
      dir = index.dirs.find((d) => d.split('/')[0] === top && baseName(d) === dep.name && d !== chart.dir);
    }
    if (dir === undefined || !index.isChart(dir)) return undefined;
    const out = new Map<string, { bytes: Buffer; path: string }>();
    for (const entry of index.filesUnder(dir)) {
      if (entry.size > input.config.maxFileSize) continue;
      const bytes = await input.source.read(entry.path).catch(() => undefined);
      if (bytes) out.set(relativeTo(entry.path, dir), { bytes, path: entry.path });
    }
    return out;
  }

  /** One `helm template` run in a private copy of the chart (or its cached outcome). */
  private async runHelm(
    job: ChartJob,
    binary: string,
  ): Promise<{ bySource: Map<string, string> } | { error: string }> {
    const files = new Map(job.files);
    if (job.missing.length > 0) {
      for (const name of ['Chart.yaml', 'requirements.yaml'].filter((n) => files.has(n)))
        files.set(name, Buffer.from(withoutDependencies(files.get(name)!.toString('utf8'), job.missing)));
      files.delete('Chart.lock');
      files.delete('requirements.lock');
    }
    // A named release namespace: `{{ .Release.Namespace }}` must not read as `namespace: default`.
    const args = ['template', `${WORKSPACE}/chart`, '--include-crds', '--namespace', RELEASE_NAMESPACE];
    if (job.valuesFile) args.push('--values', `${WORKSPACE}/chart/${job.valuesFile}`);
    const outcome = await runTool(
      {
        prefix: 'helm',
        binary,
        args,
        files: new Map([...files].map(([path, bytes]) => [`chart/${path}`, bytes])),
        timeoutMs: this.options.timeoutMs ?? 60_000,
        maxOutput: this.options.maxOutputBytes ?? 32 * 1024 * 1024,
      },
      this.options.cache,
    );
    return 'error' in outcome ? outcome : { bySource: splitBySource(outcome.stdout) };
  }
}

/** Helm's output, document by document, grouped by the `# Source:` template that wrote it. */
export function splitBySource(stdout: string): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const part of stdout.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(part)?.[1]?.trim();
    if (!source || !/\S/.test(part.replace(/^#.*$/gm, ''))) continue;
    out.set(source, [...(out.get(source) ?? []), part.replace(/^\n/, '')]);
  }
  return new Map([...out].map(([k, docs]) => [k, docs.join('---\n')]));
}

interface Dependency {
  name: string;
  repository: string;
}

function parseChartYaml(text: string): { name: string; library: boolean; dependencies: Dependency[] } {
  try {
    const data = parseDocument(text, { logLevel: 'silent' }).toJS({ maxAliasCount: 100 }) as Record<
      string,
      unknown
    > | null;
    const deps = Array.isArray(data?.dependencies) ? (data.dependencies as Record<string, unknown>[]) : [];
    return {
      name: typeof data?.name === 'string' ? data.name : 'chart',
      library: data?.type === 'library',
      dependencies: deps
        .filter((d) => typeof d?.name === 'string' && d.name)
        .map((d) => ({
          name: d.name as string,
          repository: typeof d.repository === 'string' ? d.repository : '',
        })),
    };
  } catch {
    return { name: 'chart', library: false, dependencies: [] };
  }
}

/** Chart.yaml without the dependencies that are not vendored, so Helm renders the rest. */
function withoutDependencies(text: string, missing: string[]): string {
  const doc = parseDocument(text, { logLevel: 'silent' });
  const deps = doc.get('dependencies') as { items?: unknown[] } | undefined;
  if (deps && Array.isArray(deps.items)) {
    deps.items = deps.items.filter((item) => {
      const name = (item as { get?: (k: string) => unknown }).get?.('name');
      return !missing.includes(String(name));
    });
  }
  return doc.toString();
}

function join(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
