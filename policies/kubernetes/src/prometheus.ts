import type { Loc } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject, type Obj } from '@plumbline/lang-yaml';
import { parser } from '@prometheus-io/lezer-promql';

export interface PromRule {
  data: Obj;
  route: (string | number)[];
  group: string;
  alert?: string;
  record?: string;
}

export function isPrometheusRule(object: K8sObject): boolean {
  return object.kind === 'PrometheusRule' && object.group === 'monitoring.coreos.com';
}

/** Alerting and recording rules of a PrometheusRule, with their routes. */
export function promRules(object: K8sObject): PromRule[] {
  if (!isPrometheusRule(object)) return [];
  return asArray(object.get(['spec', 'groups'])).flatMap((g, gi) => {
    const group = asObj(g);
    return asArray(group.rules).flatMap((r, ri) => {
      const data = asObj(r);
      return [
        {
          data,
          route: ['spec', 'groups', gi, 'rules', ri],
          group: asString(group.name) ?? String(gi),
          alert: asString(data.alert),
          record: asString(data.record),
        },
      ];
    });
  });
}

/** Where to point at an alert: its `alert:` value. */
export function alertLoc(object: K8sObject, rule: PromRule): Loc {
  return object.at([...rule.route, 'alert']) ?? object.at([...rule.route, 'record']) ?? object.keyAt(rule.route)!;
}

/** The first syntax error of a PromQL expression (offsets into the expression), if any. */
export function promqlError(expr: string): { from: number; to: number; found: string } | undefined {
  if (expr.trim() === '') return { from: 0, to: 0, found: 'empty expression' };
  const tree = parser.parse(expr);
  let error: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (!error) return undefined;
  const found = error.from >= expr.length ? 'end of expression' : `\`${expr.slice(error.from, Math.max(error.to, error.from + 1)).split('\n')[0]}\``;
  return { ...error, found };
}

/**
 * Maps an offset in a scalar's value back to the source, for the styles where that is exact
 * (plain one-line, quoted without escapes, literal block `|`); undefined otherwise.
 */
export function sourceOffset(valueLoc: Loc, value: string, offset: number): number | undefined {
  const text = valueLoc.file.text.slice(valueLoc.start, valueLoc.end);
  if (text === value) return valueLoc.start + offset;
  if ((text.startsWith('"') || text.startsWith("'")) && text.slice(1, 1 + value.length) === value) return valueLoc.start + 1 + offset;
  if (text.startsWith('|')) {
    const firstBreak = text.indexOf('\n');
    if (firstBreak < 0) return undefined;
    const body = text.slice(firstBreak + 1);
    const indent = body.match(/^[ ]*/)![0].length;
    const before = value.slice(0, offset).split('\n');
    const lineIndex = before.length - 1;
    const column = before[lineIndex]!.length;
    const sourceLines = body.split('\n');
    let pos = valueLoc.start + firstBreak + 1;
    for (let i = 0; i < lineIndex; i++) pos += (sourceLines[i]?.length ?? 0) + 1;
    return pos + Math.min(indent, sourceLines[lineIndex]?.length ?? 0) + column;
  }
  return undefined;
}
