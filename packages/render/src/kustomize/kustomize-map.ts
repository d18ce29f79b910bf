import type { SourceFile, SourceMapper, SourceOrigin } from '@plumbline/core';
import { placeAt } from '../source-map/parsed-output.js';
import { type Route, valueAt } from '../source-map/rendered-routes.js';

/** A source YAML file of a build (a base manifest, a patch), split in documents. */
export interface BuildSource {
  path: string;
  file: SourceFile;
  docs: {
    kind?: string;
    name?: string;
    data: unknown;
    start: number;
    end: number;
    keyAt(route: Route): { start: number; end: number } | undefined;
  }[];
}

const IDENTITY = new Set(['apiVersion', 'kind', 'metadata', 'metadata.name', 'metadata.namespace']);

export interface KustomizeMapInput {
  text: string;
  /** Resolves the `config.kubernetes.io/origin` path of a built object to a source. */
  source(originPath: string): BuildSource | undefined;
  patches: BuildSource[];
  images: {
    path: string;
    name: string;
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
  }[];
}

/**
 * Maps a built object's offsets to where the field was written: the patch that set it, the
 * `images:` entry that changed the image, else the origin manifest's key (or its nearest ancestor).
 */
export class KustomizeSourceMap implements SourceMapper {
  constructor(private readonly input: KustomizeMapInput) {}

  origin(start: number, end: number, file?: SourceFile): SourceOrigin {
    const place = placeAt(this.input.text, start, file);
    const data = (place?.data() ?? {}) as Record<string, unknown>;
    const kind = String(data.kind ?? '');
    const name = String(valueAt(data, ['metadata', 'name']) ?? '');
    const originPath = String(
      valueAt(data, ['metadata', 'annotations', 'config.kubernetes.io/origin']) ?? '',
    ).match(/path:\s*(\S+)/)?.[1];
    const route = place?.route ?? [];
    const point = start === end;
    const source = originPath ? this.input.source(originPath) : undefined;
    // The name may have changed (namePrefix): match a patch by kind, then name when it has one.
    if (route.length > 0) {
      // A patch is where a field was set when it writes that very value (not a parent map, not the
      // name it uses to find its target).
      if (!IDENTITY.has(route.join('.')))
        for (const patch of this.input.patches) {
          const at = keyIn(patch, kind, name, route, true);
          if (at) return at;
        }
      const last = route[route.length - 1];
      if (last === 'image') {
        const image = String(valueAt(data, route) ?? '');
        const entry = this.input.images.find(
          (i) => image === i.name || image.startsWith(`${i.name}:`) || image.startsWith(`${i.name}@`),
        );
        if (entry)
          return {
            path: entry.path,
            startLine: entry.startLine,
            startColumn: entry.startColumn,
            endLine: entry.endLine,
            endColumn: entry.endColumn,
            note: `image set by the images: entry for ${entry.name}`,
          };
      }
    }
    if (source) {
      for (let n = route.length; n >= 0; n--) {
        const at =
          keyIn(source, kind, name, route.slice(0, n), false, point || n < route.length) ??
          keyIn(source, kind, undefined, route.slice(0, n), false, point || n < route.length);
        if (at) return at;
      }
    }
    const fallback = source?.path ?? this.input.patches[0]?.path ?? 'kustomization.yaml';
    return { path: fallback, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  }
}

function keyIn(
  source: BuildSource,
  kind: string,
  name: string | undefined,
  route: Route,
  exactOnly: boolean,
  point = true,
): SourceOrigin | undefined {
  const candidates = source.docs.filter(
    (d) => (!d.kind || d.kind === kind) && (!name || !d.name || d.name === name),
  );
  for (const d of candidates) {
    if (route.length === 0) {
      if (exactOnly) continue;
      return { path: source.path, ...source.file.span(d.start, point ? d.start : d.end) };
    }
    if (exactOnly) {
      const value = valueAt(d.data, route);
      if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value)))
        continue;
    }
    const at = d.keyAt(route);
    if (!at) continue;
    return { path: source.path, ...source.file.span(at.start, at.end) };
  }
  return undefined;
}
