import {
  allSteps,
  type Condition,
  type GhaUnit,
  type Job,
  type Step,
  type UsesRef,
} from '@plumbline/lang-yaml';

/**
 * The resource of a finding: `jobs.<id>` (or `runs` in an action file). Step positions are left
 * out on purpose: fingerprints must survive steps being added above.
 */
export function resourceOf(step: Step | undefined, job?: Job): string | undefined {
  const j = step ? step.job : job;
  if (j) return `jobs.${j.id}`;
  return step ? 'runs' : undefined;
}

/** Does a `uses:` reference name this action (`owner/repo`, case-insensitive, any path and ref)? */
export function usesAction(uses: UsesRef | undefined, ...actions: string[]): boolean {
  return uses?.kind === 'repository' && actions.includes(uses.action);
}

/** A step's display name for messages. */
export function stepLabel(step: Step): string {
  if (step.name?.text) return `step "${step.name.text}"`;
  if (step.id) return `step \`${step.id}\``;
  if (step.uses) return `step \`${step.uses.raw}\``;
  return `step ${step.index + 1}`;
}

export function jobLabel(job: Job): string {
  return `job \`${job.id}\``;
}

/** Matches `owner/repo` against globs like `actions/*`. */
export function matchesAny(name: string, globs: readonly string[]): boolean {
  const n = name.toLowerCase();
  return globs.some((g) => {
    const re = new RegExp(
      `^${g
        .toLowerCase()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    );
    return re.test(n);
  });
}

/** Triggers of the workflow a unit is (none for an action file). */
export function events(unit: GhaUnit): string[] {
  return unit.kind === 'workflow' ? unit.triggers.map((t) => t.event) : [];
}

/** Is the shell of this step something other than a POSIX shell (pwsh, python, cmd)? */
export function shellOf(step: Step): string {
  const explicit = step.shell?.text?.trim().split(/\s+/)[0]?.toLowerCase();
  if (explicit) return explicit;
  const defaults = step.job?.defaults?.value as { run?: { shell?: string } } | undefined;
  const wfDefaults = step.job?.workflow.defaults?.value as { run?: { shell?: string } } | undefined;
  const d = defaults?.run?.shell ?? wfDefaults?.run?.shell;
  if (typeof d === 'string') return d.split(/\s+/)[0]!.toLowerCase();
  const windows = step.job?.runnerLabels.some((l) => l.includes('windows'));
  return windows ? 'pwsh' : 'bash';
}

/** Every `if:` of a unit (jobs and steps) with the resource it belongs to. */
export function conditions(
  unit: GhaUnit,
): { condition: Condition; resource: string | undefined; job?: Job }[] {
  const out: { condition: Condition; resource: string | undefined; job?: Job }[] = [];
  if (unit.kind === 'workflow') {
    for (const job of unit.jobs) {
      if (job.if) out.push({ condition: job.if, resource: `jobs.${job.id}`, job });
      for (const step of job.steps)
        if (step.if) out.push({ condition: step.if, resource: `jobs.${job.id}`, job });
    }
  } else {
    for (const step of unit.steps) if (step.if) out.push({ condition: step.if, resource: 'runs' });
  }
  return out;
}

/** A guard that lets only pull requests from this repository through (no fork can reach the job). */
const SAME_REPO_GUARD =
  /head\.repo\.full_name\s*==\s*(github\.repository|'[^']+\/[^']+')|(github\.repository|'[^']+\/[^']+')\s*==\s*github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork/;

/**
 * The job (or the step) only runs for pull requests from branches of this repository: whoever can
 * push such a branch can already change the workflow, so fork-based attacks do not reach it. Every
 * rule that reasons about forks honours it.
 */
export function sameRepoOnly(job: Job | undefined, step?: Step): boolean {
  return [job?.if, step?.if].some((c) => c !== undefined && SAME_REPO_GUARD.test(c.value.text ?? ''));
}

/** Every `uses:` of a unit: reusable-workflow calls of jobs, then steps, each with its resource. */
export function allUses(unit: GhaUnit): { uses: UsesRef; resource: string | undefined }[] {
  const out: { uses: UsesRef; resource: string | undefined }[] = [];
  if (unit.kind === 'workflow')
    for (const job of unit.jobs) if (job.uses) out.push({ uses: job.uses, resource: `jobs.${job.id}` });
  for (const step of allSteps(unit)) if (step.uses) out.push({ uses: step.uses, resource: resourceOf(step) });
  return out;
}
