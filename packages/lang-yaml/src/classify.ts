import type { DocumentKind } from './document.js';

const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION_PATH = /(^|\/)action\.ya?ml$/;

export function isWorkflowPath(path: string): boolean {
  return WORKFLOW_PATH.test(path);
}

const KUSTOMIZATION_PATH = /(^|\/)kustomization\.ya?ml$/i;

/** `kustomization.yaml`: read for its namespace and patch list even without apiVersion/kind. */
export function isKustomizationPath(path: string): boolean {
  return KUSTOMIZATION_PATH.test(path);
}

const HELM_VALUES_PATH = /(^|\/)values([-._][^/]*)?\.ya?ml$/i;

/** A Helm values file (`values.yaml`, `values-prod.yaml`): data a chart's templates read. */
export function isHelmValuesPath(path: string): boolean {
  return HELM_VALUES_PATH.test(path);
}

export function isActionPath(path: string): boolean {
  return ACTION_PATH.test(path);
}

const DEPENDABOT_PATH = /(^|\/)\.github\/dependabot\.ya?ml$/;

/** `.github/dependabot.yml|yaml`: Dependabot's configuration, read by the GitHub Actions pack. */
export function isDependabotPath(path: string): boolean {
  return DEPENDABOT_PATH.test(path);
}

/** Top-level `on:` and `jobs:` whose every job has `runs-on` or `uses`: a workflow wherever it lives. */
export function looksLikeWorkflow(d: Record<string, unknown>): boolean {
  if (!('on' in d) || typeof d.jobs !== 'object' || d.jobs === null || Array.isArray(d.jobs)) return false;
  const jobs = Object.values(d.jobs);
  return (
    jobs.length > 0 &&
    jobs.every((j) => typeof j === 'object' && j !== null && ('runs-on' in j || 'uses' in j))
  );
}

/** What a parsed document is, from its path and top-level keys. */
export function classify(path: string, data: unknown, named = false): DocumentKind {
  // Any shape: a Dependabot file that is not a map is reported as invalid, not skipped.
  if (isDependabotPath(path)) return 'dependabot';
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'other';
  const d = data as Record<string, unknown>;
  if (isWorkflowPath(path) && ('jobs' in d || 'on' in d)) return 'gha-workflow';
  // Named directly (`audit ci.yml`): a workflow by its content.
  if (named && 'on' in d && typeof d.jobs === 'object' && d.jobs !== null) return 'gha-workflow';
  // Elsewhere (`workflow-templates/`, reusable workflows kept in another folder, Gitea/Forgejo
  // workflows): by content, when every job runs on a runner or calls a workflow.
  if (looksLikeWorkflow(d)) return 'gha-workflow';
  if (isActionPath(path) && typeof d.runs === 'object' && d.runs !== null) return 'gha-action';
  if (isKustomizationPath(path)) return 'kustomization';
  if (typeof d.apiVersion === 'string' && typeof d.kind === 'string') return 'k8s';
  if (isHelmValuesPath(path)) return 'helm-values';
  return 'other';
}
