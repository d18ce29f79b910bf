import {
  type Expression,
  envFor,
  type GhaValue,
  type Job,
  type LocatedContext,
  type Step,
  segmentsMatch,
  ValueReader,
} from '@plumbline/lang-yaml';

/**
 * Context paths whose text anyone who can open an issue, a pull request (from a fork), a comment or
 * a branch can choose. A `*` stands for one segment (an index), `**` for any rest.
 */
export const ATTACKER_CONTROLLED = [
  'github.head_ref',
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.pull_request.head.repo.description',
  'github.event.pull_request.head.repo.homepage',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.workflow_run.head_repository.description',
  'github.event.check_suite.head_branch',
  'github.event.check_run.check_suite.head_branch',
  'github.event.merge_group.head_commit.message',
];

/** Whole objects that, serialised (`toJSON(github.event.issue)`), carry attacker-controlled text. */
const ATTACKER_OBJECTS = [
  'github.event',
  'github.event.issue',
  'github.event.pull_request',
  'github.event.pull_request.head',
  'github.event.comment',
  'github.event.review',
  'github.event.review_comment',
  'github.event.discussion',
  'github.event.commits',
  'github.event.head_commit',
  'github.event.workflow_run',
];

/** The patterns split once: every context of every expression is matched against all of them. */
const CONTROLLED_SEGMENTS = ATTACKER_CONTROLLED.map((pattern) => pattern.split('.'));

export function isAttackerControlled(path: string): boolean {
  const segments = path.split('.');
  return CONTROLLED_SEGMENTS.some((q) => segmentsMatch(segments, q)) || ATTACKER_OBJECTS.includes(path);
}

/** A context flowing into an expression's value that an outsider controls, and how it gets there. */
export interface Taint {
  context: LocatedContext;
  /** The attacker-controlled source (`github.head_ref`), which may differ from `context.path` (`env.BRANCH`). */
  source: string;
  /** How it gets there, for the message: `env.BRANCH`, `steps.meta.outputs.tag`. */
  via?: string;
}

/** Does this value (an `env:` or `with:` entry, a `run:`) carry attacker-controlled text? Returns the first source. */
export function directSource(value: GhaValue | undefined): string | undefined {
  for (const e of value?.expressions ?? []) {
    const hit = e.flows.find((c) => isAttackerControlled(c.path));
    if (hit) return hit.path;
  }
  return undefined;
}

/**
 * Attacker-controlled contexts flowing into `expression`, used in `step`: direct ones, `env.X`
 * where X is set from one, and `steps.<id>.outputs.*` of an earlier step fed by one.
 */
export function taints(expression: Expression, step: Step): Taint[] {
  const out: Taint[] = [];
  for (const context of expression.flows) {
    if (isAttackerControlled(context.path)) {
      out.push({ context, source: context.path });
      continue;
    }
    const env = context.path.match(/^env\.([^.]+)$/);
    if (env) {
      const name = originalName(expression, context) ?? env[1]!;
      const entry = envFor(step, name) ?? envFor(step, name.toUpperCase());
      const source = directSource(entry?.value);
      if (source) out.push({ context, source, via: `env.${name}` });
      continue;
    }
    const matrix = context.path.match(/^matrix(?:\.([^.]+))?/);
    if (matrix) {
      const source = step.job && matrixSource(step.job, matrix[1]);
      if (source) out.push({ context, source, via: context.path });
      continue;
    }
    const output = context.path.match(/^steps\.([^.]+)\.outputs\.[^.]+$/);
    if (output) {
      const producer = stepById(step, output[1]!);
      const source = producer && stepSource(producer);
      if (source) out.push({ context, source, via: context.path });
    }
  }
  return out;
}

/** The env var name with its original case (contexts are lower-cased in paths). */
function originalName(expression: Expression, context: LocatedContext): string | undefined {
  const text = context.loc.file.text.slice(context.loc.start, context.loc.end);
  const m = text.match(/^env\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])/i);
  return m ? (m[1] ?? m[2]) : expression.body.match(/env\.([A-Za-z_][A-Za-z0-9_-]*)/i)?.[1];
}

function stepById(step: Step, id: string): Step | undefined {
  const siblings = step.job ? step.job.steps : step.unit.kind === 'action' ? step.unit.steps : [];
  return siblings.find((s) => s.id !== undefined && s.id.toLowerCase() === id && s.index < step.index);
}

/**
 * An earlier `run:` step that writes attacker-controlled text (from its `env:` or an expression)
 * to `$GITHUB_OUTPUT`. Outputs of `uses:` steps are not followed: what an action outputs is not
 * what it was given (a PR-creating action fed a title outputs a number and a URL).
 */
function stepSource(step: Step): string | undefined {
  const script = step.run?.text;
  if (!script || !/GITHUB_OUTPUT|::set-output/.test(script)) return undefined;
  const direct = directSource(step.run);
  if (direct) return direct;
  for (const e of step.env) {
    const source = directSource(e.value);
    if (source && new RegExp(`\\$\\{?${e.name}\\b`).test(script)) return source;
  }
  return undefined;
}

/**
 * A job matrix built from event data (`matrix: ${{ fromJSON(github.event.comment.body) }}`, or one
 * dimension of it): every `matrix.*` value is then the attacker's text. Returns the source.
 */
function matrixSource(job: Job, name: string | undefined): string | undefined {
  const reader = new ValueReader(job.workflow.doc);
  const route = [...job.route, 'strategy', 'matrix'];
  const whole = reader.value(route);
  if (!whole) return undefined;
  if (whole.text !== undefined) return directSource(whole);
  if (!name || typeof whole.value !== 'object' || whole.value === null) return undefined;
  const key = Object.keys(whole.value).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : directSource(reader.value([...route, key]));
}

/** Who can choose the text of a workflow input: any caller of a reusable workflow, or a user with write access. */
export type InputOrigin = 'workflow_call' | 'workflow_dispatch';

/** A workflow input whose free text reaches `expression`, directly or through an `env:` entry set from it. */
export interface InputFlow {
  context: LocatedContext;
  /** `inputs.title` or `github.event.inputs.title`. */
  input: string;
  origin: InputOrigin;
  via?: string;
}

/**
 * Free-text inputs of the workflow a step belongs to: `string` inputs of `workflow_call`, and
 * `string` (the default type) inputs of `workflow_dispatch`; `choice`, `boolean`, `number` and
 * `environment` inputs are validated by GitHub. A `workflow_call` input wins when both declare it.
 */
export function workflowInputFlow(expression: Expression, step: Step): InputFlow | undefined {
  const workflow = step.job?.workflow;
  if (!workflow) return undefined;
  const originOf = (path: string): InputOrigin | undefined => {
    const m = path.match(/^(?:github\.event\.)?inputs\.([^.*]+)$/);
    if (!m) return undefined;
    const fromEvent = path.startsWith('github.');
    for (const origin of ['workflow_call', 'workflow_dispatch'] as const) {
      if (fromEvent && origin === 'workflow_call') continue;
      const declared = workflow.triggers.find((t) => t.event === origin)?.config?.inputs;
      if (typeof declared !== 'object' || declared === null) continue;
      const entry = Object.entries(declared).find(([name]) => name.toLowerCase() === m[1]);
      if (!entry) continue;
      const type = (entry[1] as { type?: unknown } | null)?.type ?? 'string';
      if (type === 'string') return origin;
    }
    return undefined;
  };
  for (const context of expression.flows) {
    const origin = originOf(context.path);
    if (origin) return { context, input: context.path, origin };
    const env = context.path.match(/^env\.([^.]+)$/);
    if (!env) continue;
    const name = originalName(expression, context) ?? env[1]!;
    const entry = envFor(step, name) ?? envFor(step, name.toUpperCase());
    for (const e of entry?.value.expressions ?? []) {
      const hit = e.flows.find((c) => originOf(c.path));
      if (hit) return { context, input: hit.path, origin: originOf(hit.path)!, via: `env.${entry!.name}` };
    }
  }
  return undefined;
}
