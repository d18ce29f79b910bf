import type { Domain, PathLink, Project } from '@plumbline/core';
import type { YamlFile } from '../language.js';
import { buildAction, buildWorkflow } from './build.js';
import type { Entry, GhaUnit, Job, Step, Workflow } from './model.js';

/** Workflows and action files of a project, built once per run and shared by every rule. */
export function ghaUnits(project: Project): GhaUnit[] {
  return project.memo('gha:units', () => {
    const out: GhaUnit[] = [];
    for (const parsed of project.byLanguage<YamlFile>('yaml')) {
      for (const doc of parsed.model.documents) {
        if (doc.kind === 'gha-workflow') out.push(buildWorkflow(doc));
        else if (doc.kind === 'gha-action') out.push(buildAction(doc));
      }
    }
    return out;
  });
}

/**
 * The GitHub Actions domain: one unit per workflow file and per `action.yml`. Rules compare the
 * pins of one repository's `.github` folder (so each such folder is one group of `partition`),
 * follow calls of local reusable workflows (`uses: ./.github/workflows/x.yml`) and look up the
 * files a `uses:` names (in `links`, as workflows are also recognised by their content).
 */
export const ghaDomain: Domain<GhaUnit> = {
  id: 'gha',
  languages: ['yaml'],
  units: ghaUnits,
  partition: (paths) => {
    const byRepository = new Map<string, string[]>();
    for (const path of paths) {
      // As `gha/consistent-pin-comments` tells repositories apart.
      const at = path.indexOf('.github/');
      if (at < 0) continue;
      const repository = path.slice(0, at);
      const group = byRepository.get(repository);
      if (group) group.push(path);
      else byRepository.set(repository, [path]);
    }
    return [...byRepository.values()];
  },
  links: (project) =>
    ghaUnits(project).flatMap((unit): PathLink[] => {
      if (unit.kind !== 'workflow') return [];
      const calls = unit.jobs.flatMap((j) => {
        const target = j.uses ? localCallTarget(unit.path, j.uses) : undefined;
        return target ? [target] : [];
      });
      const named = WORKFLOW_FOLDER.test(unit.path)
        ? [...unit.jobs.map((j) => j.uses), ...allSteps(unit).map((s) => s.uses)].flatMap((uses) => {
            const path = uses?.kind === 'repository' ? uses.path?.replace(/^\/+|\/+$/g, '') : undefined;
            if (!path) return [];
            return /\.ya?ml$/.test(path) ? [path] : [`${path}/action.yml`, `${path}/action.yaml`];
          })
        : [];
      return calls.length + named.length > 0 ? [{ file: unit.path, paths: [...calls, ...named] }] : [];
    }),
};

const WORKFLOW_FOLDER = /(^|\/)\.github\/workflows\//;

/**
 * The folder of the repository `path` belongs to, as the scan sees it: what comes before its
 * `.github/` (`''` for a scan of one repository, or a file outside any `.github`).
 */
export function repositoryOf(path: string): string {
  const posix = path.replace(/\\/g, '/');
  const found = /(^|\/)\.github\//.exec(posix);
  return found ? posix.slice(0, found.index + found[1]!.length) : '';
}

/**
 * The scanned path a local `uses: ./.github/workflows/x.yml` in the file at `caller` runs: the
 * path is relative to the root of the caller's repository (never another repository of the scan).
 */
export function localCallTarget(caller: string, uses: { kind: string; raw: string }): string | undefined {
  if (uses.kind !== 'local') return undefined;
  return repositoryOf(caller) + uses.raw.replace(/^\.[\\/]/, '').split('@')[0]!;
}

/** Every step of a unit: the steps of each job of a workflow, or of a composite action. */
export function allSteps(unit: GhaUnit): readonly Step[] {
  if (unit.kind !== 'workflow') return unit.steps;
  // Made once per workflow: some thirty rules ask for them.
  let steps = stepsOfWorkflow.get(unit);
  if (!steps) {
    steps = Object.freeze(unit.jobs.flatMap((j) => j.steps));
    stepsOfWorkflow.set(unit, steps);
  }
  return steps;
}

const stepsOfWorkflow = new WeakMap<GhaUnit, readonly Step[]>();

/** The `env:` entry a step sees under `name` (step, then job, then workflow; case-sensitive as on Linux). */
export function envFor(step: Step, name: string): Entry | undefined {
  const scopes: Entry[][] = [step.env];
  if (step.job) scopes.push(step.job.env, step.job.workflow.env);
  else if (step.unit.kind === 'action') scopes.push(step.unit.env);
  for (const scope of scopes) {
    const found = scope.find((e) => e.name === name);
    if (found) return found;
  }
  return undefined;
}

/** Jobs `job` depends on, directly or not (cycles tolerated). */
export function ancestors(job: Job): Job[] {
  const byId = new Map(job.workflow.jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const out: Job[] = [];
  const visit = (j: Job) => {
    for (const n of j.needs) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      const dep = byId.get(n.id);
      if (dep) {
        out.push(dep);
        visit(dep);
      }
    }
  };
  visit(job);
  return out;
}

/** Workflow of a unit, when it is one. */
export function workflowOf(unit: GhaUnit): Workflow | undefined {
  return unit.kind === 'workflow' ? unit : undefined;
}
