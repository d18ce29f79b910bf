import { type Document, parseAllDocuments } from 'yaml';

/** Rendered texts whose `yaml` trees are kept, most recently used last. */
const recent = new Map<string, Document[]>();
/**
 * How many: a run maps the findings of one rendered file after another, so a few suffice. Each
 * source map once kept its own tree for the rest of the run: on the corpus, ~3,000 trees and
 * ~60 MB of `yaml` nodes by the end of rendering.
 */
const KEPT = 8;

/** The documents of a rendered text as the `yaml` package reads them, parsed again only when evicted. */
export function renderedDocuments(text: string): Document[] {
  let docs = recent.get(text);
  if (docs) recent.delete(text);
  else docs = parseAllDocuments(text, { logLevel: 'silent' }) as Document[];
  recent.set(text, docs);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return docs;
}
