import type { LineFix } from '@plumbline/core';
import type { Route, YamlDocument } from '@plumbline/lang-yaml';

/**
 * A fix that adds `lines` (already relative, e.g. `['timeout-minutes: 30']`) as children of the
 * block map at `route`, right after the line of `afterKey` (or after the map's own key line).
 * Undefined for flow-style maps, where a line insertion would not be valid YAML.
 */
export function insertIntoMap(
  doc: YamlDocument,
  route: Route,
  lines: string[],
  description: string,
  afterKey?: string,
): LineFix | undefined {
  const data = doc.get(route);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  const first = keys[0] !== undefined ? doc.keyAt([...route, keys[0]]) : undefined;
  const own = doc.keyAt(route);
  if (!first || !own) return undefined;
  const file = doc.file;
  const ownLine = file.position(own.start).line;
  const firstPos = file.position(first.start);
  // Only block maps: a line inserted into a flow map (`{ a: 1 }`) would not be valid YAML.
  if (
    file
      .lineText(firstPos.line)
      .slice(0, firstPos.column - 1)
      .includes('{')
  )
    return undefined;
  const indent = ' '.repeat(firstPos.column - 1);
  let anchor = ownLine;
  if (afterKey !== undefined) {
    const value = doc.at([...route, afterKey]);
    const key = doc.keyAt([...route, afterKey]);
    if (!key || !value) return undefined;
    anchor = file.position(value.end).line;
  }
  const text = file.lineText(anchor);
  return {
    description,
    loc: { file, start: file.offset(anchor, 1), end: file.offset(anchor, 1) },
    replacement: [text, ...lines.map((l) => `${indent}${l}`)].join('\n'),
  };
}
