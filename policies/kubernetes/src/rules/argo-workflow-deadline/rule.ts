import { defineRule } from '@plumbline/core';
import { isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { isWorkflowLibrary, LIBRARY_OPTIONS, workflowSpecRoute } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject, { templates: boolean }>({
  id: 'k8s/argo-workflow-deadline',
  domain: k8sDomain,
  meta: {
    title: 'Argo workflow without activeDeadlineSeconds',
    description:
      'A Workflow, WorkflowTemplate or CronWorkflow sets no `activeDeadlineSeconds`, so a stuck step (a Pending GPU pod, a hung download) keeps the workflow — and its resources — running indefinitely.',
    rationale:
      'Low: nothing breaks at once, but hung workflows hold nodes, GPUs and concurrency slots (blocking the next CronWorkflow run when `concurrencyPolicy: Forbid`) until someone notices. WorkflowTemplates and ClusterWorkflowTemplates are not reported by default: they are libraries of steps, and the Workflow or CronWorkflow that runs them is where the run-level setting belongs (and is reported); a reviewer of a template change has nothing to act on. The option `templates: true` (on in the `strict` preset) reports them too.',
    remediation:
      'Set `spec.activeDeadlineSeconds` to a generous upper bound of the normal run time (per template too for long steps).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://argo-workflows.readthedocs.io/en/latest/walk-through/timeouts/'],
    options: LIBRARY_OPTIONS,
    examples: {
      invalid: [
        {
          filename: 'argo/pipeline.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: pipeline\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container: {image: "busybox:1.36"}\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'argo/pipeline.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: pipeline\nspec:\n  entrypoint: main\n  activeDeadlineSeconds: 7200\n  templates:\n    - name: main\n      container: {image: "busybox:1.36"}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoWorkflowKind(object) || object.partial) return;
    if (isWorkflowLibrary(object) && !ctx.options.templates) return;
    const route = workflowSpecRoute(object);
    if (object.get(route) === undefined || object.get([...route, 'activeDeadlineSeconds']) !== undefined)
      return;
    // A workflow that only references a template inherits its deadline.
    if (object.get([...route, 'workflowTemplateRef']) !== undefined) return;
    report(
      ctx,
      object,
      object.keyAt(route)!,
      `${object.kind} \`${object.name}\` sets no \`activeDeadlineSeconds\`.`,
      'deadline',
    );
  },
});
