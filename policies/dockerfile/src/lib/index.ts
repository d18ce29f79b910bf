import type { Fix, Loc, Located, RuleContext } from '@plumbline/core';
import type {
  DockerfileModel,
  Instruction,
  ShellCommand,
  ShellWord,
  Stage,
} from '@plumbline/lang-dockerfile';

export type { DockerfileModel, Instruction, ShellCommand, ShellWord, Stage };

/**
 * Reports a finding inside an instruction. The instruction is the container, so an ignore
 * comment above a multi-line RUN covers findings on any of its lines (as hadolint's does).
 */
export function report(
  ctx: RuleContext<unknown>,
  at: Loc | Located,
  container: Instruction,
  message: string,
  evidence?: string,
  fix?: Fix,
): void {
  ctx.report({
    at,
    message,
    container,
    ...(evidence !== undefined ? { evidence } : {}),
    ...(fix ? { fix } : {}),
    resource: resourceOf(container),
  });
}

/** `stage build` for named stages; unnamed ones get no resource, so fingerprints do not depend on stage order. */
function resourceOf(ins: Instruction): string | undefined {
  return ins.stageName ? `stage ${ins.stageName}` : undefined;
}

type InstructionItem = { stage: Stage; instruction: Instruction; container: Instruction };
type CommandItem = { stage: Stage; run: Instruction; container: Instruction; command: ShellCommand };

/**
 * Most rules walk the same instructions and RUN commands of a model: the lists are built once per
 * model (models do not change once parsed) and shared, read-only, by every rule.
 */
interface Walks {
  instructions: readonly InstructionItem[];
  byKeyword: Map<string, readonly InstructionItem[]>;
  commands: readonly CommandItem[] | undefined;
}
const walks = new WeakMap<DockerfileModel, Walks>();

function walksOf(model: DockerfileModel): Walks {
  let w = walks.get(model);
  if (!w) {
    const all: InstructionItem[] = [];
    // A fragment (no FROM) is read instruction by instruction as well.
    for (const stage of model.fragment ? [...model.stages, model.fragment] : model.stages) {
      for (const instruction of stage.instructions) {
        all.push({ stage, instruction, container: instruction });
        if (instruction.trigger)
          all.push({ stage, instruction: instruction.trigger, container: instruction });
      }
    }
    w = { instructions: all, byKeyword: new Map(), commands: undefined };
    walks.set(model, w);
  }
  return w;
}

/** Every instruction of every stage, ONBUILD triggers included (after their ONBUILD). */
export function instructions(model: DockerfileModel): Iterable<InstructionItem> {
  return walksOf(model).instructions;
}

export function instructionsOf(model: DockerfileModel, keyword: string): Iterable<InstructionItem> {
  const w = walksOf(model);
  let list = w.byKeyword.get(keyword);
  if (!list) {
    list = w.instructions.filter((item) => item.instruction.keyword === keyword);
    w.byKeyword.set(keyword, list);
  }
  return list;
}

/** Every shell command of every RUN. */
export function commands(model: DockerfileModel): Iterable<CommandItem> {
  const w = walksOf(model);
  if (!w.commands) {
    const list: CommandItem[] = [];
    for (const { stage, instruction, container } of instructionsOf(model, 'RUN')) {
      for (const command of instruction.shell?.commands ?? [])
        list.push({ stage, run: instruction, container, command });
    }
    w.commands = list;
  }
  return w.commands;
}

/** Commands of one RUN. */
export function runCommands(run: Instruction): ShellCommand[] {
  return run.shell?.commands ?? [];
}

/** Is `name` written as a short option cluster (`-qy` has `y`) or a long option (`--yes`, `--yes=true`)? */
export function hasOption(command: ShellCommand, short: string, long: readonly string[] = []): boolean {
  return findOption(command, short, long) !== undefined;
}

export function findOption(
  command: ShellCommand,
  short: string,
  long: readonly string[] = [],
): ShellWord | undefined {
  for (const arg of command.args) {
    const v = arg.value;
    if (v === '--') return undefined;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0]!;
      if (long.includes(name)) return arg;
    } else if (short && /^-[A-Za-z0-9]+$/.test(v) && [...short].some((s) => v.slice(1).includes(s)))
      return arg;
  }
  return undefined;
}

/** Arguments that are not options; options in `withValue` consume the next argument. */
export function positionals(command: ShellCommand, withValue: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  const args = command.args;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (!endOfOptions && v === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && v.startsWith('-') && v.length > 1) {
      if (withValue.includes(v) && !v.includes('=')) i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

/** The first positional argument (`install` of `apt-get -y install x`). */
export function subcommand(command: ShellCommand, withValue: readonly string[] = []): ShellWord | undefined {
  return positionals(command, withValue)[0];
}

/** True for `apt-get install ...`-style calls: base name in `names`, subcommand in `subs`. */
export function isCall(
  command: ShellCommand,
  names: readonly string[],
  subs: readonly string[],
  withValue: readonly string[] = [],
): boolean {
  if (!names.includes(command.base)) return false;
  const sub = subcommand(command, withValue);
  return sub !== undefined && subs.includes(sub.value);
}

/** The stages whose result the final image is built on: the final stage and the stages it extends. */
export function finalChain(model: DockerfileModel): Stage[] {
  const out: Stage[] = [];
  let stage = model.finalStage;
  while (stage && !out.includes(stage)) {
    out.push(stage);
    stage = stage.image.stage;
  }
  return out;
}

/** The chain of a stage: the stage, then the stages it is built `FROM`. */
export function chainOf(stage: Stage): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.image.stage;
  }
  return out;
}

/** Environment variables set by ENV in a stage chain (latest wins), with the instruction that set them. */
export function envOf(
  stage: Stage,
  name: string,
): { value: string | undefined; instruction: Instruction } | undefined {
  for (const s of chainOf(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const ins = s.instructions[i]!;
      if (ins.keyword !== 'ENV') continue;
      const p = [...ins.properties].reverse().find((x) => x.name === name);
      if (p) return { value: p.value, instruction: ins };
    }
  }
  return undefined;
}

/** Does the RUN mount a cache (or tmpfs) at a path matching `path`? Then nothing stays in the layer. */
export function mountsCache(run: Instruction, path: RegExp): boolean {
  return run.flags.some(
    (f) => f.name === 'mount' && /type=(cache|tmpfs)/.test(f.value ?? '') && path.test(f.value ?? ''),
  );
}

type AssignmentItem = { name: string; value: string; at: Loc; container: Instruction };
const assignmentLists = new WeakMap<DockerfileModel, readonly AssignmentItem[]>();

/** Shell-level `key=value` pairs of an ENV instruction and of `export`/prefix assignments in RUN. */
export function assignments(model: DockerfileModel): Iterable<AssignmentItem> {
  let list = assignmentLists.get(model);
  if (!list) {
    const found: AssignmentItem[] = [];
    for (const { instruction, container } of instructions(model)) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const p of instruction.properties) {
          if (p.value !== undefined && p.valueLoc)
            found.push({ name: p.name, value: p.value, at: p.loc, container });
        }
      }
      if (instruction.keyword === 'RUN' && instruction.shell) {
        for (const a of instruction.shell.assignments)
          found.push({ name: a.name, value: a.value, at: a.loc, container });
        for (const c of instruction.shell.commands)
          for (const a of c.env) found.push({ name: a.name, value: a.value, at: a.loc, container });
      }
    }
    list = found;
    assignmentLists.set(model, list);
  }
  return list;
}

/** `line/column` span of the `occurrence`-th `needle` in `code` (1-based, end exclusive): for docs examples. */
export function spanOf(
  code: string,
  needle: string,
  occurrence = 1,
): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`spanOf: ${JSON.stringify(needle)} (#${occurrence}) not in example`);
  }
  const pos = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const a = pos(index);
  const b = pos(index + needle.length);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
