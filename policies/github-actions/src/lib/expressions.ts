import type { Entry, Expression, GhaUnit } from '@plumbline/lang-yaml';
import { allSteps } from '@plumbline/lang-yaml';
import { resourceOf } from './util.js';

export interface PlacedExpression {
  expression: Expression;
  resource: string | undefined;
}

const of = (entries: Entry[]) => entries.flatMap((e) => e.value.expressions);

/** Every `${{ }}` expression and `if:` condition of a workflow or action, each once, with its resource. */
export function unitExpressions(unit: GhaUnit): PlacedExpression[] {
  const out: PlacedExpression[] = [];
  const seen = new Set<Expression>();
  const add = (expressions: Expression[], resource: string | undefined) => {
    for (const expression of expressions) {
      if (seen.has(expression)) continue;
      seen.add(expression);
      out.push({ expression, resource });
    }
  };
  if (unit.kind === 'workflow') {
    add(of(unit.env), undefined);
    for (const job of unit.jobs) {
      const r = `jobs.${job.id}`;
      if (job.if) add([job.if.expression, ...job.if.value.expressions], r);
      add([...of(job.env), ...of(job.with), ...of(job.outputs), ...(job.secrets?.expressions ?? [])], r);
      add([...(job.runsOn?.expressions ?? []), ...(job.concurrency?.expressions ?? [])], r);
    }
  } else {
    add([...of(unit.env), ...of(unit.outputs)], 'runs');
  }
  for (const step of allSteps(unit)) {
    const r = resourceOf(step);
    if (step.if) add([step.if.expression, ...step.if.value.expressions], r);
    add([...(step.run?.expressions ?? []), ...of(step.env), ...of(step.with)], r);
    add([...(step.name?.expressions ?? []), ...(step.workingDirectory?.expressions ?? [])], r);
  }
  return out;
}
