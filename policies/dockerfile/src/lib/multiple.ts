import type { RuleContext } from '@plumbline/core';
import type { DockerfileModel } from '@plumbline/lang-dockerfile';
import { report } from './index.js';

/** Reports every `keyword` of a stage but the last: only the last one takes effect. */
export function reportAllButLast(model: DockerfileModel, ctx: RuleContext<unknown>, keyword: string): void {
  for (const stage of model.stages) {
    const list = stage.instructions.filter((i) => i.keyword === keyword);
    const last = list[list.length - 1];
    for (const ins of list.slice(0, -1)) {
      report(
        ctx,
        ins.keywordLoc,
        ins,
        `This \`${keyword}\` is overridden by the one on line ${ins.loc.file.position(last!.loc.start).line} and has no effect.`,
      );
    }
  }
}
