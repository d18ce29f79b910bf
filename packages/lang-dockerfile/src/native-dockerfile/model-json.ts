import type { ParseResult } from '@plumbline/core';
import type { DockerfileModel, Stage } from '../model.js';
import { shellScriptJson } from '../native-shell/script-json.js';

/**
 * A parse result as JSON for comparing the two readers (`native-dockerfile.test.ts`,
 * `bench/dockerfile-native.mjs`): locations as [start, end], scopes as entries, a stage an image
 * builds on as its index, shells through `shellScriptJson`, undefined kept. Everything the model
 * holds is in it. Not used when parsing.
 */
export function dockerfileResultJson(result: ParseResult<DockerfileModel>): string {
  const { model } = result;
  if (!model) return '<no model>';
  const stageIndex = new Map<Stage, number>(model.stages.map((s, i) => [s, i]));
  return JSON.stringify(
    {
      escapeChar: model.escapeChar,
      directives: model.directives,
      instructions: model.instructions,
      globalArgs: model.globalArgs,
      stages: model.stages,
      fragment: model.fragment,
      comments: model.comments,
      finalStage: model.finalStage && stageIndex.get(model.finalStage),
      problems: result.problems,
      resultComments: result.comments,
      unscanned: result.unscanned,
    },
    (key, value) => {
      if (value === undefined) return '<undefined>';
      if (key === 'file') return value.path;
      if (key === 'shell') return shellScriptJson(value);
      if (key === 'stage' && value && typeof value === 'object' && 'index' in value)
        return `<stage ${stageIndex.get(value) ?? 'not in the model'}>`;
      if (value instanceof Map) return [...value];
      if (value && typeof value === 'object' && 'file' in value && 'start' in value && 'end' in value)
        return Object.keys(value).length === 3 ? [value.start, value.end] : value;
      return value;
    },
  );
}
