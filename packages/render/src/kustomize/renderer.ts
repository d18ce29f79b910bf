import { availableParallelism } from 'node:os';
import {
  emptyRenderOutput,
  mayHoldDirective,
  RenderedFile,
  type Renderer,
  type RenderInput,
  type RenderOutput,
  type RenderPlan,
  type SourceEntry,
  SourceFile,
} from '@plumbline/core';
import { yamlComments, yamlDocumentOf } from '@plumbline/lang-yaml';
import { parseAllDocuments } from 'yaml';
import { findOnPath } from '../binary.js';
import type { RenderCache } from '../cache/render-cache.js';
import { dirOf } from '../paths.js';
import { mapBounded } from '../pool.js';
import type { Route } from '../source-map/rendered-routes.js';
import { runTool, WORKSPACE } from '../tool-run.js';
import { isKustomizationFile, type KustomizationRefs, readKustomization } from './closure.js';
import { type BuildSource, KustomizeSourceMap } from './kustomize-map.js';

export interface KustomizeRendererOptions {
  /** `kustomize` binary, else `kubectl` (as `kubectl kustomize`); default: found on PATH. */
  kustomize?: string;
  kubectl?: string;
  concurrency?: number;
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** Outcomes of earlier builds: an unchanged overlay is not built again. */
  cache?: RenderCache;
}

const WRAPPER = '.plumbline-build';

/** Builds kustomization roots (overlays nobody else builds on) and maps objects to their sources. */
export class KustomizeRenderer implements Renderer {
  readonly id = 'kustomize';
  readonly outputLanguages = ['yaml'];

  constructor(private readonly options: KustomizeRendererOptions = {}) {}

  async plan(input: RenderInput): Promise<RenderPlan> {
    const out = emptyRenderOutput();
    const nothing = { claimed: [], run: async () => out };
    const byPath = new Map(input.entries.map((e) => [e.path, e]));
    const kustomizations = input.entries.filter((e) => isKustomizationFile(e.path));
    if (kustomizations.length === 0) return nothing;
    const texts = new Map<string, string>();
    const read = async (path: string): Promise<string | undefined> => {
      if (texts.has(path)) return texts.get(path);
      const entry = byPath.get(path);
      if (!entry || entry.size > input.config.maxFileSize) return undefined;
      const text = await input.source.read(path).then(
        (b) => b.toString('utf8'),
        () => undefined,
      );
      if (text !== undefined) texts.set(path, text);
      return text;
    };
    const refs = new Map<string, KustomizationRefs>();
    for (const k of kustomizations) refs.set(k.path, readKustomization(k.path, (await read(k.path)) ?? ''));
    // A kustomization another one builds on is a base: it is built inside its overlays.
    const kustomizationIn = kustomizationsByFolder(kustomizations);
    const referenced = new Set<string>();
    for (const r of refs.values())
      for (const res of r.resources) {
        const k = byPath.has(res) && isKustomizationFile(res) ? res : kustomizationIn.get(res);
        if (k) referenced.add(k);
      }
    const roots = kustomizations.filter((k) => !referenced.has(k.path) && !refs.get(k.path)?.component);
    const tool = this.tool();
    if (!tool) {
      out.stats.skipped = roots.length;
      out.notices.push({
        message: `${roots.length} kustomizations were not built: neither \`kustomize\` nor \`kubectl\` on PATH; their files are read as loose manifests`,
      });
      return nothing;
    }
    // A kustomization made of remote bases only has nothing to build offline.
    const remoteOnly = roots.filter((k) => {
      const r = refs.get(k.path);
      return !!r && r.remote.length > 0 && r.resources.length === 0 && r.patches.length === 0;
    });
    const claimed: string[] = [];
    for (const k of remoteOnly) {
      out.stats.skipped++;
      claimed.push(k.path);
      out.notices.push({
        file: k.path,
        message: `not built: every base is remote (${refs.get(k.path)!.remote.join(', ')}), and remote bases are never fetched`,
      });
    }
    const builds: Build[] = [];
    for (const root of roots.filter((k) => !remoteOnly.includes(k))) {
      const build = await closureOf(root, refs, byPath, kustomizationIn, read, out);
      builds.push(build);
      claimed.push(...build.files.keys());
    }
    const limit = this.options.concurrency ?? Math.min(4, Math.max(2, availableParallelism()));
    return {
      claimed,
      run: async () => {
        const sources = new Map<string, BuildSource>();
        await mapBounded(builds, limit, (build) => this.build(build, refs, tool, sources, out));
        return out;
      },
    };
  }

  private tool(): { binary: string; args: string[] } | undefined {
    const kustomize = this.options.kustomize ?? (this.options.kubectl ? undefined : findOnPath('kustomize'));
    if (kustomize) return { binary: kustomize, args: ['build'] };
    const kubectl = this.options.kubectl ?? findOnPath('kubectl');
    return kubectl ? { binary: kubectl, args: ['kustomize'] } : undefined;
  }

  private async build(
    { root, files, patches, images }: Build,
    refs: Map<string, KustomizationRefs>,
    tool: { binary: string; args: string[] },
    /** Closure files parsed so far in this run, by path. */
    sources: Map<string, BuildSource>,
    out: RenderOutput,
  ): Promise<void> {
    // Kept for their ignore comments only: most bases and patches have none to look for.
    for (const [path, text] of files)
      if (/\.ya?ml$|Kustomization$/.test(path) && mayHoldDirective(text))
        out.sources.push({ file: new SourceFile(path, text), comments: yamlComments(text) });

    const copies = new Map<string, string>();
    for (const [path, text] of files)
      copies.set(path, refs.has(path) ? withoutRemote(text, refs.get(path)!) : text);
    const rootDir = dirOf(root.path);
    copies.set(
      `${WRAPPER}/kustomization.yaml`,
      `resources:\n  - ../${rootDir || '.'}\nbuildMetadata: [originAnnotations]\n`,
    );
    const outcome = await runTool(
      {
        prefix: 'kustomize',
        binary: tool.binary,
        args: [...tool.args, `${WORKSPACE}/${WRAPPER}`],
        files: copies,
        timeoutMs: this.options.timeoutMs ?? 60_000,
        maxOutput: this.options.maxOutputBytes ?? 32 * 1024 * 1024,
      },
      this.options.cache,
    );
    if ('error' in outcome) {
      out.stats.failed++;
      const file = new SourceFile(root.path, files.get(root.path) ?? '');
      out.problems.push({
        at: { file, start: 0, end: Math.max(0, file.text.indexOf('\n')) },
        message: `kustomize build failed: ${outcome.error}`,
        evidence: outcome.error,
      });
      return;
    }
    out.stats.rendered++;
    // Origins are relative to the wrapper folder: `../base/deployment.yaml`.
    const sourceOf = (rel: string) => parsed(rel.replace(/^\.\.\//, ''), files, sources);
    const patchSources = patches.map((p) => parsed(p, files, sources)).filter((p): p is BuildSource => !!p);
    const mapper = new KustomizeSourceMap({
      text: outcome.stdout,
      source: sourceOf,
      patches: patchSources,
      images,
    });
    const unit = rootDir || '.';
    out.files.push(
      new RenderedFile(
        `@render/kustomize/${unit}/build.yaml`,
        outcome.stdout,
        `kustomize:${unit}`,
        unit,
        mapper,
      ),
    );
  }
}

/** One root to build, with its closure: every kustomization reached from it and every file they name. */
interface Build {
  root: SourceEntry;
  files: Map<string, string>;
  patches: string[];
  images: KustomizeRendererImage[];
}

/** The closure of a root, read before any build runs (what it claims is known before rendering). */
async function closureOf(
  root: SourceEntry,
  refs: Map<string, KustomizationRefs>,
  byPath: Map<string, SourceEntry>,
  kustomizationIn: Map<string, string>,
  read: (path: string) => Promise<string | undefined>,
  out: RenderOutput,
): Promise<Build> {
  const files = new Map<string, string>();
  const patches: string[] = [];
  const images: KustomizeRendererImage[] = [];
  const queue = [root.path];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = await read(path);
    if (text === undefined) continue;
    files.set(path, text);
    const r = refs.get(path);
    if (!r) continue;
    for (const remote of r.remote)
      out.notices.push({ file: path, message: `remote base not fetched: ${remote} (built without it)` });
    for (const outside of r.outside)
      out.notices.push({
        file: path,
        message: `${outside} is outside the scanned folder: built without it`,
      });
    const kFile = new SourceFile(path, text);
    for (const image of r.images)
      images.push({ path, name: image.name, ...kFile.span(image.start, image.end) });
    for (const res of r.resources) {
      const k = byPath.has(res) ? res : kustomizationIn.get(res);
      if (k) queue.push(k);
    }
    for (const p of [...r.patches, ...r.files]) {
      if (r.patches.includes(p)) patches.push(p);
      if (!seen.has(p) && (await read(p)) !== undefined) files.set(p, (await read(p))!);
    }
  }
  return { root, files, patches, images };
}

interface KustomizeRendererImage {
  path: string;
  name: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * A file of a build's closure, parsed once per run: overlays on one base share its files (every
 * closure reads a path's text through one cache, so a path's text is the same in each).
 */
function parsed(
  path: string,
  files: ReadonlyMap<string, string>,
  sources: Map<string, BuildSource>,
): BuildSource | undefined {
  const text = files.get(path);
  if (text === undefined) return undefined;
  let source = sources.get(path);
  if (!source) {
    source = buildSource(path, text);
    sources.set(path, source);
  }
  return source;
}

function buildSource(path: string, text: string): BuildSource {
  const file = new SourceFile(path, text);
  const parsed = parseAllDocuments(text, { logLevel: 'silent' });
  const docs = Array.isArray(parsed) ? parsed : [];
  return {
    path,
    file,
    docs: docs.flatMap((doc, index) => {
      const yaml = yamlDocumentOf(file, doc, index);
      if (!yaml) return [];
      const data = (yaml.data ?? {}) as Record<string, unknown>;
      const meta = (data.metadata ?? {}) as Record<string, unknown>;
      return [
        {
          kind: typeof data.kind === 'string' ? data.kind : undefined,
          name: typeof meta.name === 'string' ? meta.name : undefined,
          data,
          start: doc.range[0],
          end: doc.range[1],
          keyAt: (route: Route) => {
            const loc = yaml.keyAt(route);
            return loc ? { start: loc.start, end: loc.end } : undefined;
          },
        },
      ];
    }),
  };
}

/** The kustomization as copied: remote resources dropped (never fetched). */
function withoutRemote(text: string, refs: KustomizationRefs): string {
  let out = text;
  for (const remote of refs.remote)
    out = out
      .split('\n')
      .filter((l) => !l.includes(remote))
      .join('\n');
  return out;
}

/**
 * The kustomization file of each folder that has one (the first listed, as kustomize takes one of
 * `kustomization.yaml`, `.yml`, `Kustomization`): looked up once per resource of every build, so
 * a map, not a search of the scan's listing.
 */
function kustomizationsByFolder(kustomizations: readonly SourceEntry[]): Map<string, string> {
  const byFolder = new Map<string, string>();
  for (const k of kustomizations) {
    const dir = dirOf(k.path);
    if (!byFolder.has(dir)) byFolder.set(dir, k.path);
  }
  return byFolder;
}
