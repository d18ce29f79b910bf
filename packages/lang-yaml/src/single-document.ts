import type { SourceFile } from '@plumbline/core';
import { type Document, parseDocument } from 'yaml';
import { type DocumentKind, placeOf, YamlDocument } from './document.js';
import { MAX_ALIAS_EXPANSION } from './language.js';
import { NOT_PLAIN, YamlSpans } from './spans.js';

/**
 * A one-document file (a Helm values file a renderer maps findings into) as a YamlDocument, or
 * undefined when it does not parse cleanly.
 */
export function readYamlDocument(file: SourceFile, kind: DocumentKind = 'other'): YamlDocument | undefined {
  const parsed = parseDocument(file.text, { strict: false, prettyErrors: false, logLevel: 'silent' });
  return parsed.errors.length > 0 ? undefined : yamlDocumentOf(file, parsed, 0, kind);
}

/**
 * A document the `yaml` package parsed from `file`, as a YamlDocument: the plain data comes from
 * the walk that builds the span table, as in `parseYaml` (`toJS` only for what the walk leaves to
 * it: aliases, merge keys). Undefined when its aliases expand past the limit.
 */
export function yamlDocumentOf(
  file: SourceFile,
  doc: Document,
  index: number,
  kind: DocumentKind = 'other',
): YamlDocument | undefined {
  const spans = new YamlSpans(file.text);
  const root = spans.add(doc);
  let data = spans.data;
  if (data === NOT_PLAIN) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    } catch {
      return undefined;
    }
  }
  spans.keep(doc);
  const placed = placeOf(spans, root, doc, file.text);
  spans.seal();
  return new YamlDocument(file, index, kind, data, placed);
}
