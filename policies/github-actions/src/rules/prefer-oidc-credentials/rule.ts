import { defineRule, type Loc, textOf } from '@plumbline/core';
import { allSteps, type GhaValue, ghaDomain, type Step } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

/** `with:` inputs that take a long-lived credential, per action. */
const INPUTS: Record<string, { input: string; what: string }[]> = {
  'aws-actions/configure-aws-credentials': [{ input: 'aws-access-key-id', what: 'an AWS access key' }],
  'azure/login': [
    { input: 'creds', what: 'an Azure service principal secret' },
    { input: 'client-secret', what: 'an Azure client secret' },
  ],
  'google-github-actions/auth': [{ input: 'credentials_json', what: 'a GCP service account key' }],
  'google-github-actions/setup-gcloud': [{ input: 'service_account_key', what: 'a GCP service account key' }],
  'azure/k8s-set-context': [{ input: 'kubeconfig', what: 'a stored kubeconfig' }],
  'azure/aks-set-context': [{ input: 'creds', what: 'an Azure service principal secret' }],
};
const ENV =
  /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AZURE_CREDENTIALS|AZURE_CLIENT_SECRET|ARM_CLIENT_SECRET|GOOGLE_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS_JSON|GCP_SA_KEY|GCLOUD_SERVICE_KEY|KUBECONFIG|KUBE_CONFIG|KUBE_CONFIG_DATA)$/i;
const KUBECONFIG_SECRET = /kube_?config|kubeconfig/i;

function fromSecret(value: GhaValue | undefined): boolean {
  return !!value?.expressions.some((e) =>
    e.contexts.some((c) => c.path.startsWith('secrets.') && c.path !== 'secrets.github_token'),
  );
}

function finding(step: Step): { at: Loc; what: string } | undefined {
  const uses = step.uses;
  if (uses?.kind === 'repository') {
    for (const { input, what } of INPUTS[uses.action] ?? []) {
      const v = step.with.find((w) => w.name.toLowerCase() === input)?.value;
      if (v && fromSecret(v)) return { at: v.loc, what: `${what} (\`${input}\`)` };
    }
  }
  for (const e of step.env) {
    if (ENV.test(e.name) && fromSecret(e.value))
      return { at: e.value.loc, what: `\`${e.name}\` from a secret` };
  }
  for (const e of step.run?.expressions ?? []) {
    const c = e.contexts.find((x) => x.path.startsWith('secrets.') && KUBECONFIG_SECRET.test(x.path));
    if (c) return { at: e.loc, what: `a stored kubeconfig (\`${textOf(c.loc)}\`)` };
  }
  return undefined;
}

export default defineRule({
  id: 'gha/prefer-oidc-credentials',
  domain: ghaDomain,
  meta: {
    title: 'Long-lived cloud credential instead of OIDC',
    description:
      "A step authenticates to a cloud or cluster with a stored long-lived secret (AWS access key, Azure service principal secret, GCP key JSON, a kubeconfig) where GitHub's OIDC token could be exchanged for short-lived credentials.",
    rationale:
      'A stored key works from anywhere until someone rotates it: once it leaks (a log, a compromised action, a malicious workflow on a branch) it keeps working. OIDC credentials last minutes and can be bound to this repository, branch and environment. A static kubeconfig usually carries a cluster-admin token that never expires. Medium.',
    remediation:
      "Grant `permissions: id-token: write` and use the provider's OIDC login: `aws-actions/configure-aws-credentials` with `role-to-assume`, `azure/login` with `client-id`/`tenant-id`, `google-github-actions/auth` with `workload_identity_provider`; for Kubernetes, get credentials through the cloud login (`aws eks update-kubeconfig`, `azure/aks-set-context`, `get-gke-credentials`) or use GitOps (Argo CD, Flux).",
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: azure/k8s-set-context@v3\n        with:\n          kubeconfig: ${{ secrets.KUBECONFIG }}\n',
          errors: [{ line: 9, column: 23, endLine: 9, endColumn: 48 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n      - run: aws eks update-kubeconfig --name prod\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      const f = finding(step);
      if (!f) continue;
      ctx.report({
        at: f.at,
        message: `This step logs in with ${f.what}; a short-lived OIDC credential would do.`,
        resource: resourceOf(step),
      });
    }
    if (unit.kind === 'workflow') {
      for (const entries of [unit.env, ...unit.jobs.map((j) => j.env)]) {
        for (const e of entries) {
          if (ENV.test(e.name) && fromSecret(e.value)) {
            ctx.report({
              at: e.value.loc,
              message: `\`${e.name}\` is a long-lived credential from a secret; a short-lived OIDC credential would do.`,
            });
          }
        }
      }
    }
  },
});
