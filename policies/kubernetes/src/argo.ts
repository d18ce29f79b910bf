import { asArray, asObj, type K8sObject, type Obj } from '@plumbline/lang-yaml';

export function isRollout(object: K8sObject): boolean {
  return object.kind === 'Rollout' && object.group === 'argoproj.io';
}

export function isArgoApplication(object: K8sObject): boolean {
  return object.kind === 'Application' && object.group === 'argoproj.io';
}

/** Canary steps of a Rollout with their routes. */
export function canarySteps(object: K8sObject): { step: Obj; route: (string | number)[] }[] {
  return asArray(object.get(['spec', 'strategy', 'canary', 'steps'])).map((s, i) => ({
    step: asObj(s),
    route: ['spec', 'strategy', 'canary', 'steps', i],
  }));
}

/** Steps that give the new version time to be judged before more traffic moves. */
export function isGate(step: Obj): boolean {
  return 'pause' in step || 'analysis' in step || 'experiment' in step;
}

/** Route of the spec that holds templates (`spec`, or `spec.workflowSpec` for a CronWorkflow). */
export function workflowSpecRoute(object: K8sObject): string[] {
  return object.kind === 'CronWorkflow' ? ['spec', 'workflowSpec'] : ['spec'];
}

/**
 * A WorkflowTemplate or ClusterWorkflowTemplate: a library of steps that Workflows and CronWorkflows
 * reference, which set run-level settings (deadline, pod GC) themselves.
 */
export function isWorkflowLibrary(object: K8sObject): boolean {
  return object.kind === 'WorkflowTemplate' || object.kind === 'ClusterWorkflowTemplate';
}

/** Options of the Argo rules that skip workflow libraries by default. */
export const LIBRARY_OPTIONS = {
  schema: {
    type: 'object',
    properties: {
      templates: {
        type: 'boolean',
        description: 'Also report WorkflowTemplates and ClusterWorkflowTemplates (the strict preset does).',
      },
    },
    additionalProperties: false,
  },
  defaults: { templates: false },
};
