import { SourceFile } from '@plumbline/core';
import { YamlDocument } from '@plumbline/lang-yaml';
import { parseDocument } from 'yaml';

/** A values file parsed once: where each key is written, for findings whose value came from it. */
export class ValuesFile {
  readonly data: unknown;
  private readonly doc: YamlDocument | undefined;

  constructor(readonly file: SourceFile) {
    const parsed = parseDocument(file.text, { strict: false, prettyErrors: false, logLevel: 'silent' });
    let data: unknown;
    try {
      data = parsed.errors.length ? undefined : parsed.toJS({ maxAliasCount: 1000 });
    } catch {
      data = undefined;
    }
    this.data = data;
    this.doc = data === undefined ? undefined : new YamlDocument(file, 0, 'other', data, parsed);
  }

  /** Offsets of the key (or list item) at a values route, when this file sets it. */
  keyAt(route: readonly (string | number)[]): { start: number; end: number } | undefined {
    if (!this.doc || route.length === 0) return undefined;
    const loc = this.doc.keyAt(route);
    return loc ? { start: loc.start, end: loc.end } : undefined;
  }
}

export function valuesFileOf(path: string, text: string): ValuesFile {
  return new ValuesFile(new SourceFile(path, text));
}
