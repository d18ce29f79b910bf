import { SourceFile } from '@plumbline/core';
import { parseYaml, readDocuments, readPlan, type YamlFile } from './language.js';
import { underIndentedFlowLines } from './lenient-flow.js';

/** A line starting a document (`---` then a blank or the end of the line), and a directive line. */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE = /^%/m;

/**
 * The documents of a file whose text `wanted` lets through, with the data `parseYaml` gives them:
 * for readers of a few objects in large multi-document files (the admission-policy facts read the
 * Namespaces of bundles of CRDs). The whole file decides whether and how it is read (its place,
 * hints, templates, the nesting limit), as in `parseYaml`; each wanted document is then read on
 * its own, so its spans and position are those of its own text: use the data only.
 *
 * A document's data depends on its own text alone, except through directives (`%TAG`, which
 * apply to the next document) and the lenient re-read of under-indented flow scalars (decided for
 * the whole file): a file with either, or a wanted document that does not read cleanly, is read
 * whole, exactly as `parseYaml` reads it.
 */
export function parseYamlWhere(file: SourceFile, wanted: (text: string) => boolean): YamlFile | undefined {
  const { text } = file;
  const starts = [...text.matchAll(DOCUMENT_START)].map((m) => m.index);
  if (starts[0] !== 0) starts.unshift(0);
  if (starts.length < 2 || DIRECTIVE.test(text)) return readWhole(file, wanted);
  const plan = readPlan(file);
  if ('result' in plan) return plan.result.model;
  if (underIndentedFlowLines(text) !== undefined) return readWhole(file, wanted);
  const documents: YamlFile['documents'] = [];
  for (const [i, start] of starts.entries()) {
    const part = text.slice(start, starts[i + 1] ?? text.length);
    if (!wanted(part)) continue;
    const read = readDocuments(
      new SourceFile(file.path, part, file.context),
      part,
      plan.path,
      plan.named,
      plan.options,
    );
    if (read.problems.length > 0) return readWhole(file, wanted);
    documents.push(...read.documents);
  }
  return documents.length > 0 ? { documents } : undefined;
}

function readWhole(file: SourceFile, wanted: (text: string) => boolean): YamlFile | undefined {
  return wanted(file.text) ? parseYaml(file).model : undefined;
}
