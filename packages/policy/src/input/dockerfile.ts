import type { DockerfileModel, Instruction, Stage } from '@plumbline/lang-dockerfile';
import { SpanIndex, type UnitInput } from './unit-input.js';

/**
 * Dockerfile input, one per file, in the variable `dockerfile`:
 * - `args`: global ARGs before the first FROM (`{name, value}`; value '' when none);
 * - `instructions[]`: every instruction of every stage in file order, each with its `stage` index
 *   (for policies about instructions wherever they are: `instructions[3]` is a reportable path);
 * - `stages[]`: `{index, name, final, image: {raw, value, registry, repository, tag, digest,
 *   scratch, stage}, platform, instructions[]}`;
 * - `instructions[]` (per stage, FROM first): `{keyword, line, args[] (as written), flags {name:
 *   value}, properties {name: value} (ENV/ARG/LABEL), form ('json'|'shell'|'heredoc'|'none'),
 *   json[] (exec form), commands[]}`; `commands[]` are the simple commands of a RUN after `&&`,
 *   pipes, `sh -c` and `sudo` are looked through: `{name, base, args[] (unquoted)}`.
 */
export function dockerfileInput(model: DockerfileModel): UnitInput {
  const spans = new SpanIndex();
  const base = ['dockerfile'];
  const instruction = (ins: Instruction, path: (string | number)[]) => {
    spans.set(path, ins.loc);
    spans.set([...path, 'keyword'], ins.keywordLoc);
    spans.set([...path, 'args'], ins.bodyLoc ?? ins.loc);
    ins.args.forEach((a, i) => {
      spans.set([...path, 'args', i], a.loc);
    });
    for (const f of ins.flags) spans.set([...path, 'flags', f.name], f.loc);
    for (const p of ins.properties) spans.set([...path, 'properties', p.name], p.loc);
    const commands = ins.shell?.commands ?? [];
    commands.forEach((c, i) => {
      spans.set([...path, 'commands', i], c.loc);
      spans.set([...path, 'commands', i, 'name'], c.nameWord.loc);
      c.args.forEach((a, j) => {
        spans.set([...path, 'commands', i, 'args', j], a.loc);
      });
    });
    return {
      keyword: ins.keyword,
      line: ins.loc.file.position(ins.loc.start).line,
      args: ins.args.map((a) => a.value),
      flags: Object.fromEntries(ins.flags.map((f) => [f.name, f.value ?? ''])),
      properties: Object.fromEntries(ins.properties.map((p) => [p.name, p.value ?? ''])),
      form: ins.form,
      json: ins.json?.map((w) => w.value) ?? [],
      commands: commands.map((c) => ({ name: c.name, base: c.base, args: c.args.map((a) => a.value) })),
    };
  };
  const stage = (s: Stage) => {
    const path = [...base, 'stages', s.index];
    spans.set(path, s.from.loc);
    spans.set([...path, 'image'], s.image.loc);
    spans.set([...path, 'image', 'tag'], s.image.tagLoc);
    spans.set([...path, 'image', 'digest'], s.image.digestLoc);
    spans.set([...path, 'name'], s.nameLoc);
    spans.set([...path, 'platform'], s.platform?.loc);
    return {
      index: s.index,
      name: s.name ?? '',
      final: s.isFinal,
      platform: s.platform?.value ?? '',
      image: {
        raw: s.image.raw,
        value: s.image.value,
        registry: s.image.registry ?? '',
        repository: s.image.repository,
        tag: s.image.tag ?? '',
        digest: s.image.digest ?? '',
        scratch: s.image.scratch,
        stage: s.image.stage?.name ?? (s.image.stage ? String(s.image.stage.index) : ''),
      },
      instructions: s.instructions.map((ins, i) => instruction(ins, [...path, 'instructions', i])),
    };
  };
  const stages = model.stages.map(stage);
  let flat = 0;
  model.globalArgs
    .flatMap((a) => a.properties)
    .forEach((p, i) => {
      spans.set([...base, 'args', i], p.loc);
    });
  const first = model.stages[0]?.from ?? model.instructions[0];
  const whole = { file: model.file, start: 0, end: model.file.text.length };
  const head = first?.loc ?? whole;
  return {
    variables: {
      dockerfile: {
        file: model.file.path,
        args: model.globalArgs.flatMap((a) =>
          a.properties.map((p) => ({ name: p.name, value: p.value ?? '' })),
        ),
        stages,
        instructions: model.stages.flatMap((s) =>
          s.instructions.map((ins) => {
            const i = flat++;
            return { ...instruction(ins, [...base, 'instructions', i]), stage: s.index };
          }),
        ),
      },
    },
    // The first line of the first FROM (a FROM continued over lines would span them all).
    head: { file: model.file, start: head.start, end: lineEnd(model.file.text, head.start, head.end) },
    container: whole,
    locate: (path) => spans.locate(path),
    fields: { file: model.file.path, name: model.file.path },
  };
}

function lineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline >= 0 ? Math.min(end, newline) : end;
}
