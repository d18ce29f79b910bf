import type { SourceFile } from '@plumbline/core';
import { renderedDocumentsOf } from '@plumbline/lang-yaml';
import { type Document, parseAllDocuments } from 'yaml';
import { type Route, routeAt } from './rendered-routes.js';

/** Where an offset of a rendered text falls: which document, the route there, the document's data. */
export interface RenderedPlace {
  /** 0-based position of the document in the text (as the `yaml` package counts documents). */
  index: number;
  route: Route;
  data(): unknown;
}

/**
 * The place of an offset in a rendered file: from the documents the engine parsed from it (the
 * usual case), else from parsing the text here (a document the YAML language did not keep:
 * empty, unparsable, or a file it never read). Undefined when the text has no document at all.
 */
export function placeAt(
  text: string,
  offset: number,
  file: SourceFile | undefined,
): RenderedPlace | undefined {
  const parsed = file?.text === text ? renderedDocumentsOf(file)?.find((d) => d.contains(offset)) : undefined;
  if (parsed) return { index: parsed.index, route: parsed.routeAt(offset), data: () => parsed.data };
  const docs = renderedDocuments(text);
  const index = Math.max(
    0,
    docs.findIndex((d) => inRange(d.range, offset)),
  );
  const doc = docs[index];
  if (!doc) return undefined;
  return { index, route: routeAt(doc, offset), data: () => doc.toJS({ maxAliasCount: 1000 }) };
}

function inRange(range: readonly number[] | undefined, offset: number): boolean {
  return !!range && offset >= range[0]! && offset < Math.max(range[2] ?? range[1]!, range[0]! + 1);
}

/** Rendered texts whose `yaml` trees are kept, most recently used last. */
const recent = new Map<string, Document[]>();
/**
 * How many: a run maps the findings of one rendered file after another, so a few suffice. Each
 * source map once kept its own tree for the rest of the run: on the corpus, ~3,000 trees and
 * ~60 MB of `yaml` nodes by the end of rendering.
 */
const KEPT = 8;

/** The documents of a rendered text as the `yaml` package reads them, parsed again only when evicted. */
function renderedDocuments(text: string): Document[] {
  let docs = recent.get(text);
  if (docs) recent.delete(text);
  else docs = parseAllDocuments(text, { logLevel: 'silent' }) as Document[];
  recent.set(text, docs);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return docs;
}
