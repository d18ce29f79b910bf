import { defineRule } from '@plumbline/core';
import { isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { isWorkflowLibrary, LIBRARY_OPTIONS, workflowSpecRoute } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject, { templates: boolean }>({
  id: 'k8s/argo-pod-gc',
  domain: k8sDomain,
  meta: {
    title: 'Argo workflow keeps its finished pods',
    description:
      'A Workflow, WorkflowTemplate or CronWorkflow sets no `podGC` strategy, so every completed step leaves its pod behind (unless the controller configures a default).',
    rationale:
      'Low: completed pods pile up by the thousand for busy CronWorkflows, slow down the API server and `kubectl`, and keep volumes and IPs allocated. Confidence medium: a controller-wide default may already set it. WorkflowTemplates and ClusterWorkflowTemplates are not reported by default: they are libraries of steps, and the Workflow or CronWorkflow that runs them is where the run-level setting belongs (and is reported); a reviewer of a template change has nothing to act on. The option `templates: true` (on in the `strict` preset) reports them too.',
    remediation:
      'Set `spec.podGC: {strategy: OnPodSuccess}` (or `OnWorkflowSuccess`); keep logs through the artifact repository.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [],
    references: ['https://argo-workflows.readthedocs.io/en/latest/fields/#podgc'],
    options: LIBRARY_OPTIONS,
    examples: {
      invalid: [
        {
          filename: 'argo/nightly.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  workflowSpec:\n    entrypoint: main\n    templates:\n      - name: main\n        container: {image: "busybox:1.36"}\n',
          errors: [{ line: 7, column: 3, endLine: 7, endColumn: 15 }],
        },
      ],
      valid: [
        {
          filename: 'argo/nightly.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  workflowSpec:\n    entrypoint: main\n    podGC: {strategy: OnPodSuccess}\n    templates:\n      - name: main\n        container: {image: "busybox:1.36"}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoWorkflowKind(object) || object.partial) return;
    if (isWorkflowLibrary(object) && !ctx.options.templates) return;
    const route = workflowSpecRoute(object);
    if (object.get(route) === undefined || object.get([...route, 'podGC']) !== undefined) return;
    if (object.get([...route, 'workflowTemplateRef']) !== undefined) return;
    report(
      ctx,
      object,
      object.keyAt(route)!,
      `${object.kind} \`${object.name}\` sets no \`podGC\` strategy.`,
      'podGC',
    );
  },
});
