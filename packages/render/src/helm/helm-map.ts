import type { SourceFile, SourceMapper, SourceOrigin } from '@plumbline/core';
import { placeAt, type RenderedPlace } from '../source-map/parsed-output.js';
import { type Route, valueAt } from '../source-map/rendered-routes.js';
import { alignRoute, type TemplateKey, type TemplateSegment } from '../source-map/template-index.js';
import type { ValuesFile } from '../source-map/values-locator.js';

export interface HelmMapInput {
  /** Rendered text of one template (its documents joined). */
  text: string;
  templatePath: string;
  templateText: string;
  segments: TemplateSegment[];
  /** Values files to look a value up in, most specific first (the values set, then the defaults). */
  values: { file: ValuesFile; prefix: string[] }[];
}

/**
 * Maps rendered offsets to the template key that wrote them, and further to the values file key
 * when the value came from values (a reviewer fixes values, not rendered YAML).
 */
export class HelmSourceMap implements SourceMapper {
  constructor(private readonly input: HelmMapInput) {}

  origin(start: number, end: number, file?: SourceFile): SourceOrigin {
    const { templatePath, segments } = this.input;
    const place = placeAt(this.input.text, start, file);
    const segment = segments[Math.min(place?.index ?? 0, segments.length - 1)] ?? segments[0]!;
    const route = place?.route ?? [];
    const aligned = route.length > 0 ? alignRoute(segment, route) : undefined;
    if (!aligned) return this.segmentOrigin(segment, start === end);
    const { key, rest } = aligned;
    const templateOrigin: SourceOrigin = {
      path: templatePath,
      startLine: key.line,
      startColumn: key.column,
      endLine: key.line,
      endColumn: key.endColumn,
    };
    const valuesRoute = this.valuesRoute(key, rest, place, route);
    if (!valuesRoute) return templateOrigin;
    for (const { file, prefix } of this.input.values) {
      const full = [...prefix, ...valuesRoute];
      const at = file.keyAt(full);
      if (!at) continue;
      const span = file.file.span(at.start, at.end);
      return {
        path: file.file.path,
        ...span,
        note: `values key \`${full.join('.')}\`, used by ${templatePath}:${key.line}`,
      };
    }
    return templateOrigin;
  }

  /** The whole template document: where an object-level finding (or an ignore comment) belongs. */
  private segmentOrigin(segment: TemplateSegment, point: boolean): SourceOrigin {
    const first = segment.keys[0];
    const startLine = first?.line ?? segment.startLine;
    const endLine = point ? startLine : Math.max(startLine, segment.endLine);
    return {
      path: this.input.templatePath,
      startLine,
      startColumn: first?.column ?? 1,
      endLine,
      endColumn: point ? (first?.endColumn ?? 1) : 1,
    };
  }

  private valuesRoute(
    key: TemplateKey,
    rest: Route,
    place: RenderedPlace | undefined,
    route: Route,
  ): Route | undefined {
    if (rest.length > 0) return key.inserted ? [...key.inserted, ...rest] : undefined;
    if (key.inserted) return key.inserted;
    const refs = key.valuesRefs;
    if (!refs) return undefined;
    if (refs.length === 1) return refs[0];
    // `image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"`: the ref whose value shows
    // last in the rendered text is the one that decides (the tag, for a `latest` finding).
    const rendered = String(place ? valueAt(place.data(), route) : '');
    let best: { ref: string[]; at: number } | undefined;
    for (const ref of refs) {
      for (const { file, prefix } of this.input.values) {
        const value = valueAt(file.data, [...prefix, ...ref]);
        if (value === undefined || value === null || typeof value === 'object') continue;
        const at = rendered.lastIndexOf(String(value));
        if (at >= 0 && (!best || at >= best.at)) best = { ref, at };
        break;
      }
    }
    return best?.ref ?? refs[refs.length - 1];
  }
}
