import type { Job, Step } from '@plumbline/lang-yaml';
import { ancestors } from '@plumbline/lang-yaml';
import { findInScript } from './shell.js';
import { usesAction } from './util.js';

/** Commands that change a live environment. Dry runs and plans are excluded by the callers' checks. */
export const DEPLOY_COMMAND =
  /\b(helm\s+(?:upgrade|install|rollback|uninstall)\b|helmfile\s+(?:apply|sync)\b|kubectl\s+(?:apply|create|replace|patch|set\s+image|rollout\s+restart)\b|kustomize\s+build\b[^\n|]*\|\s*kubectl\s+apply\b|terraform\s+(?:apply|destroy)\b|terragrunt\s+(?:run-all\s+)?apply\b|pulumi\s+up\b|argocd\s+app\s+sync\b|flux\s+reconcile\b|aws\s+ecs\s+update-service\b|aws\s+cloudformation\s+deploy\b|gcloud\s+run\s+deploy\b|gcloud\s+app\s+deploy\b|az\s+webapp\s+deploy\b|(?:serverless|sls|cdk)\s+deploy\b)/;

const DEPLOY_ACTIONS = [
  'azure/k8s-deploy',
  'azure/webapps-deploy',
  'azure/functions-action',
  'google-github-actions/deploy-cloudrun',
  'google-github-actions/deploy-appengine',
  'aws-actions/amazon-ecs-deploy-task-definition',
  'deliverybot/helm',
  'wahyd4/kubectl-helm-action',
  'cloudflare/wrangler-action',
];

/** Actions and commands that start a throw-away cluster: what follows is a test, not a deploy. */
const LOCAL_CLUSTER_ACTIONS = [
  'helm/kind-action',
  'medyagh/setup-minikube',
  'absaoss/k3d-action',
  'engineerd/setup-kind',
  'nolar/setup-k3d-k3s',
  'container-tools/kind-action',
];
const LOCAL_CLUSTER_COMMAND =
  /\b(kind\s+create\s+cluster|minikube\s+start|k3d\s+cluster\s+create|k3s\b|microk8s\b|make\s+[\w-]*(kind|e2e|k3d|minikube)[\w-]*)/i;

/** Environments whose very name says "live": a job there deploys even if we cannot see how. */
const PROD_ENVIRONMENT = /\b(prod|production|live)\b/i;
/** Jobs named like tests (e2e, conformance, smoke) that stand up what they test: not deploys. */
const TEST_JOB = /(^|[^a-z])(e2e|conform|conformance|integration|smoke|test|tests|testing)([^a-z]|$)/i;

/** The step that deploys, if any: a deploy command (not a dry run) or a deploy action. */
export function deployStep(step: Step): { step: Step; what: string } | undefined {
  if (usesAction(step.uses, ...DEPLOY_ACTIONS)) return { step, what: step.uses!.raw };
  for (const hit of findInScript(step.run, DEPLOY_COMMAND)) {
    if (/--dry-run|\bdiff\b|--server-dry-run|\btemplate\b/.test(hit.line.text)) continue;
    return { step, what: hit.match[1]!.replace(/\s+/g, ' ') };
  }
  return undefined;
}

/** Does the job touch credentials for a real target (secrets other than GITHUB_TOKEN, cloud logins)? */
function usesCredentials(job: Job): boolean {
  const texts = [
    ...job.env.map((e) => e.value),
    ...job.steps.flatMap((s) => [s.run, ...s.env.map((e) => e.value), ...s.with.map((e) => e.value)]),
  ];
  for (const v of texts) {
    for (const e of v?.expressions ?? []) {
      if (e.contexts.some((c) => c.path.startsWith('secrets.') && c.path !== 'secrets.github_token'))
        return true;
    }
  }
  return job.steps.some((s) =>
    usesAction(
      s.uses,
      'aws-actions/configure-aws-credentials',
      'azure/login',
      'google-github-actions/auth',
      'azure/k8s-set-context',
      'azure/aks-set-context',
      'google-github-actions/get-gke-credentials',
    ),
  );
}

function localCluster(job: Job): boolean {
  return job.steps.some(
    (s) =>
      usesAction(s.uses, ...LOCAL_CLUSTER_ACTIONS) ||
      (s.run?.text !== undefined && LOCAL_CLUSTER_COMMAND.test(s.run.text)),
  );
}

export interface DeployInfo {
  /** What makes it a deploy, for messages: `helm upgrade`, `environment production`. */
  what: string;
  step?: Step;
}

/**
 * A job that changes a live environment: it runs a deploy command or action against real
 * credentials (not a kind/minikube test cluster), or targets a production-like environment.
 */
export function deployOf(job: Job): DeployInfo | undefined {
  const env = job.environment?.name;
  if (env && PROD_ENVIRONMENT.test(env) && !env.includes('${{')) {
    const step = job.steps.map(deployStep).find(Boolean);
    return { what: step ? step.what : `environment \`${env}\``, ...(step ? { step: step.step } : {}) };
  }
  if (localCluster(job)) return undefined;
  if (TEST_JOB.test(job.id) || (job.name?.text !== undefined && TEST_JOB.test(job.name.text)))
    return undefined;
  const step = job.steps.map(deployStep).find(Boolean);
  if (step && (usesCredentials(job) || job.environment)) return { what: step.what, step: step.step };
  return undefined;
}

const TEST_NAME = /(^|[^a-z])(test|tests|testing|check|checks|lint|verify|ci|unit|e2e|qa|spec)([^a-z]|$)/i;
const TEST_COMMAND =
  /\b(pytest|tox|nox|go\s+test|(npm|pnpm|yarn|bun)\s+(run\s+)?test|make\s+(test|check|ci|verify)|mvnw?\b(?![^\n]*skipTests)[^\n]*\b(test|verify|install|package)|gradlew?\b(?![^\n]*-x\s+test)[^\n]*\b(test|check|build)|terraform\s+(validate|plan|test)|tflint|cargo\s+(test|nextest)|dotnet\s+test|rspec|phpunit|jest|vitest|mocha|ctest|bats)\b/;

export function runsTests(job: Job): boolean {
  if (TEST_NAME.test(job.id) || (job.name?.text && TEST_NAME.test(job.name.text))) return true;
  return job.steps.some((s) => s.run?.text !== undefined && TEST_COMMAND.test(s.run.text));
}

/** A step that runs tests (by command or by name). */
export function isTestStep(step: Step): boolean {
  if (step.run?.text !== undefined && TEST_COMMAND.test(step.run.text)) return true;
  const name = step.name?.text;
  if (
    name === undefined ||
    /^\s*(prepare|set\s*up|setup|install|upload|download|report|publish|cache|save|restore|collect|archive|post)\b/i.test(
      name,
    )
  )
    return false;
  return /\b(tests?|unit|e2e|integration)\b/i.test(name);
}

/** Is the deploy job gated by tests: it runs them itself or (transitively) needs a job that does? */
export function gatedByTests(job: Job): boolean {
  return runsTests(job) || ancestors(job).some(runsTests);
}
