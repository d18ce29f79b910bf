import type { SourceFile } from '@plumbline/core';
import { parseYamlWith, type ReadWay, readDocuments, readPlan } from '../language.js';
import type { YamlSpans } from '../spans.js';

/**
 * Everything a read of `file` gives that anything downstream can see, as plain values: the
 * documents (index, kind, data, range, root row), the span table, problems, comments and, with
 * `counts`, `readDocuments`' errors per document and documents built. What the differential test
 * and `bench/yaml-fused.mjs`, `bench/yaml-cst.mjs` compare between two ways of reading. Not used
 * when reading.
 */
export function readModel(file: SourceFile, way: ReadWay, counts = false): unknown {
  try {
    const { model, problems, comments, skipped } = parseYamlWith(file, way);
    const documents = model?.documents ?? [];
    const plan = counts ? readPlan(file) : undefined;
    const read =
      plan && !('result' in plan)
        ? readDocuments(file, file.text, plan.path, plan.named, plan.options, way)
        : undefined;
    return {
      skipped,
      problems: problems.map((p) => ({ message: p.message, start: p.loc.start, end: p.loc.end })),
      comments,
      documents: documents.map((d) => ({
        index: d.index,
        kind: d.kind,
        data: d.data,
        start: d.loc.start,
        end: d.loc.end,
        root: (d as unknown as { root: number }).root,
      })),
      // The file's one table, shared by its documents.
      table: (documents[0] as unknown as { spans: YamlSpans } | undefined)?.spans.snapshot(),
      counts: read && { errors: read.errorCounts, built: read.built, quoteError: read.quoteError },
    };
  } catch (error) {
    return { threw: (error as Error).message, at: (error as { offset?: number }).offset };
  }
}
