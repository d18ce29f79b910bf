import type { SourceFile } from '@plumbline/core';
import type { YamlDocument } from './document.js';

/**
 * The documents the engine parsed from each rendered file (Helm, kustomize output), for that
 * file's source map: mapping a finding back to a template or patch needs the document and the
 * route at an offset, which it used to get by parsing the rendered text a second time (on the
 * corpus, ~3.5 s of the main thread). Held only as long as the file itself.
 */
const parsed = new WeakMap<SourceFile, readonly YamlDocument[]>();

export function keepRenderedDocuments(file: SourceFile, documents: readonly YamlDocument[]): void {
  parsed.set(file, documents);
}

/** The documents parsed from a rendered file, when the YAML language has read it. */
export function renderedDocumentsOf(file: SourceFile): readonly YamlDocument[] | undefined {
  return parsed.get(file);
}
