import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

interface Removal {
  removedIn: string;
  /** Replacement apiVersion per kind; `*` for every kind of the version. */
  use: Record<string, string>;
}

const REMOVED: Record<string, Removal> = {
  'extensions/v1beta1': {
    removedIn: '1.16 (Ingress: 1.22)',
    use: { Deployment: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', NetworkPolicy: 'networking.k8s.io/v1', Ingress: 'networking.k8s.io/v1', PodSecurityPolicy: 'Pod Security admission' },
  },
  'apps/v1beta1': { removedIn: '1.16', use: { '*': 'apps/v1' } },
  'apps/v1beta2': { removedIn: '1.16', use: { '*': 'apps/v1' } },
  'batch/v1beta1': { removedIn: '1.25', use: { CronJob: 'batch/v1' } },
  'batch/v2alpha1': { removedIn: '1.21', use: { CronJob: 'batch/v1' } },
  'policy/v1beta1': { removedIn: '1.25', use: { PodDisruptionBudget: 'policy/v1', PodSecurityPolicy: 'Pod Security admission' } },
  'autoscaling/v2beta1': { removedIn: '1.25', use: { '*': 'autoscaling/v2' } },
  'autoscaling/v2beta2': { removedIn: '1.26', use: { '*': 'autoscaling/v2' } },
  'networking.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'networking.k8s.io/v1' } },
  'rbac.authorization.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'rbac.authorization.k8s.io/v1' } },
  'rbac.authorization.k8s.io/v1alpha1': { removedIn: '1.22', use: { '*': 'rbac.authorization.k8s.io/v1' } },
  'apiextensions.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'apiextensions.k8s.io/v1' } },
  'admissionregistration.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'admissionregistration.k8s.io/v1' } },
  'apiregistration.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'apiregistration.k8s.io/v1' } },
  'certificates.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'certificates.k8s.io/v1' } },
  'coordination.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'coordination.k8s.io/v1' } },
  'scheduling.k8s.io/v1beta1': { removedIn: '1.22', use: { '*': 'scheduling.k8s.io/v1' } },
  'scheduling.k8s.io/v1alpha1': { removedIn: '1.17', use: { '*': 'scheduling.k8s.io/v1' } },
  'storage.k8s.io/v1beta1': { removedIn: '1.22 (CSIStorageCapacity: 1.27)', use: { '*': 'storage.k8s.io/v1' } },
  'discovery.k8s.io/v1beta1': { removedIn: '1.25', use: { '*': 'discovery.k8s.io/v1' } },
  'events.k8s.io/v1beta1': { removedIn: '1.25', use: { '*': 'events.k8s.io/v1' } },
  'node.k8s.io/v1beta1': { removedIn: '1.25', use: { '*': 'node.k8s.io/v1' } },
  'flowcontrol.apiserver.k8s.io/v1beta1': { removedIn: '1.26', use: { '*': 'flowcontrol.apiserver.k8s.io/v1' } },
  'flowcontrol.apiserver.k8s.io/v1beta2': { removedIn: '1.29', use: { '*': 'flowcontrol.apiserver.k8s.io/v1' } },
  'flowcontrol.apiserver.k8s.io/v1beta3': { removedIn: '1.32', use: { '*': 'flowcontrol.apiserver.k8s.io/v1' } },
};

export default defineRule<K8sObject>({
  id: 'k8s/deprecated-api-version',
  domain: k8sDomain,
  meta: {
    title: 'API version removed from Kubernetes',
    description: 'An object uses an `apiVersion` that current Kubernetes releases no longer serve (e.g. `extensions/v1beta1`, `batch/v1beta1` CronJob, `policy/v1beta1` PDB, `autoscaling/v2beta2`).',
    rationale:
      'Medium: `kubectl apply` fails on any cluster at or past the removal release, so the manifest blocks the deploy or the cluster upgrade. Nothing insecure runs, but the manifest no longer works.',
    remediation: 'Move to the stable apiVersion named in the message (`kubectl convert` helps) and re-check the fields that changed with it.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['kube-linter:no-extensions-v1beta', 'KSV-0107', 'kube-score:stable-version'],
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/backup.yaml',
          code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n',
          errors: [{ line: 1, column: 13, endLine: 1, endColumn: 26 }],
        },
      ],
      valid: [{ filename: 'k8s/backup.yaml', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n' }],
    },
  },
  check(object, ctx) {
    const removal = REMOVED[object.apiVersion];
    if (!removal) return;
    const use = removal.use[object.kind] ?? removal.use['*'];
    if (!use) return;
    report(ctx, object, object.at(['apiVersion'])!, `\`${object.apiVersion}\` ${object.kind} was removed in Kubernetes ${removal.removedIn}; use ${use}.`, object.apiVersion);
  },
});
