import { SourceFile } from '@plumbline/core';
import { readYamlDocument, type YamlDocument } from '@plumbline/lang-yaml';

/** A values file parsed once: where each key is written, for findings whose value came from it. */
export class ValuesFile {
  readonly data: unknown;
  private readonly doc: YamlDocument | undefined;

  constructor(readonly file: SourceFile) {
    this.doc = readYamlDocument(file);
    this.data = this.doc?.data;
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
