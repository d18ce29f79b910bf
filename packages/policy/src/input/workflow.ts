import type { Entry, GhaValue, Permissions, UsesRef, Workflow } from '@plumbline/lang-yaml';
import { SpanIndex, type UnitInput } from './unit-input.js';

/**
 * GitHub Actions input, one per workflow file, in the variable `workflow`:
 * `{file, name, triggers [{event, trust, config}], permissions, env, jobs [...], raw}` where
 * - `permissions` is `'read-all'`, `'write-all'`, a map `{scope: level}`, or null when not set;
 * - a job is `{index, id, name, runsOn [labels], permissions, environment, needs [ids], uses, with,
 *   secrets, container, services [images], steps [...]}`;
 * - a step is `{index, id, name, uses, run, shell, with {k: v}, env {k: v}, if, expressions}`;
 * - `uses` (step or reusable-workflow job) is `{raw, kind, action, owner, repo, path, ref,
 *   pinnedToSha}` or null; `expressions` lists the `${{ }}` bodies of the step's values;
 * - `raw` is the document as written, for anything else (`workflow.raw.concurrency`).
 * `trust` is how far outsiders shape the event: `untrusted-privileged`, `untrusted`,
 * `inherited`, `trusted`.
 */
export function workflowInput(workflow: Workflow): UnitInput {
  const spans = new SpanIndex();
  spans.mount(['workflow', 'raw'], (route) => workflow.doc.at(route) ?? workflow.doc.keyAt(route));
  const text = (v: GhaValue | undefined) => v?.text ?? (v ? v.value : null);
  const entries = (list: Entry[], path: (string | number)[]) => {
    const out: Record<string, unknown> = {};
    for (const e of list) {
      out[e.name] = e.value.value;
      spans.set([...path, e.name], e.value.keyLoc);
    }
    return out;
  };
  const permissions = (p: Permissions | undefined, path: (string | number)[]) => {
    if (!p) return null;
    spans.set(path, p.value.keyLoc);
    if (p.kind !== 'map') return p.value.text ?? p.kind;
    for (const s of p.scopes) spans.set([...path, s.name], s.keyLoc);
    return Object.fromEntries(p.scopes.map((s) => [s.name, s.level]));
  };
  const uses = (u: UsesRef | undefined, path: (string | number)[]) => {
    if (!u) return null;
    spans.set(path, u.value.loc);
    return {
      raw: u.raw,
      kind: u.kind,
      action: u.action,
      owner: u.owner ?? '',
      repo: u.repo ?? '',
      path: u.path ?? '',
      ref: u.ref ?? '',
      pinnedToSha: u.pinnedToSha,
    };
  };
  workflow.triggers.forEach((t, i) => {
    spans.set(['workflow', 'triggers', i], t.loc);
  });
  spans.set(['workflow', 'name'], workflow.name?.loc);
  const jobs = workflow.jobs.map((job, j) => {
    const jp = ['workflow', 'jobs', j];
    spans.set(jp, job.keyLoc);
    spans.set([...jp, 'runsOn'], job.runsOn?.loc);
    spans.set([...jp, 'environment'], job.environment?.value.loc);
    spans.set([...jp, 'container'], job.container?.value.loc);
    return {
      index: j,
      id: job.id,
      name: text(job.name) ?? '',
      runsOn: job.runnerLabels,
      permissions: permissions(job.permissions, [...jp, 'permissions']),
      environment: job.environment?.name ?? '',
      needs: job.needs.map((n) => n.id),
      uses: uses(job.uses, [...jp, 'uses']),
      with: entries(job.with, [...jp, 'with']),
      secrets: job.secrets ? job.secrets.value : null,
      container: job.container?.imageRef?.raw ?? '',
      services: job.services.map((s) => s.imageRef?.raw ?? ''),
      steps: job.steps.map((step, s) => {
        const sp = [...jp, 'steps', s];
        spans.set(sp, step.keyLoc);
        spans.set([...sp, 'run'], step.run?.loc);
        spans.set([...sp, 'name'], step.name?.loc);
        spans.set([...sp, 'if'], step.if?.value.loc);
        const values = [
          step.run,
          step.name,
          ...step.with.map((e) => e.value),
          ...step.env.map((e) => e.value),
        ];
        return {
          index: step.index,
          id: step.id ?? '',
          name: text(step.name) ?? '',
          uses: uses(step.uses, [...sp, 'uses']),
          run: step.run?.text ?? '',
          shell: step.shell?.text ?? '',
          with: entries(step.with, [...sp, 'with']),
          env: entries(step.env, [...sp, 'env']),
          if: step.if?.expression.body ?? '',
          expressions: values.flatMap((v) => v?.expressions.map((e) => e.body) ?? []),
        };
      }),
    };
  });
  const head = workflow.on?.keyLoc ?? workflow.name?.keyLoc ?? workflow.loc;
  return {
    variables: {
      workflow: {
        file: workflow.path,
        name: text(workflow.name) ?? '',
        triggers: workflow.triggers.map((t) => ({ event: t.event, trust: t.trust, config: t.config ?? {} })),
        permissions: permissions(workflow.permissions, ['workflow', 'permissions']),
        env: entries(workflow.env, ['workflow', 'env']),
        jobs,
        raw: workflow.doc.data ?? {},
      },
    },
    head,
    container: workflow.loc,
    locate: (path) => spans.locate(path),
    fields: {
      name: text(workflow.name)?.toString() ?? workflow.path,
      file: workflow.path,
      resource: workflow.path,
    },
  };
}
