import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

/**
 * Setup actions that install whatever version of a tool is newest unless told otherwise: the input
 * that pins it, and inputs that pin it another way (a version file).
 */
const TOOL_ACTIONS: Record<string, { tool: string; input: string; alternatives?: string[] }> = {
  'hashicorp/setup-terraform': { tool: 'Terraform', input: 'terraform_version' },
  'opentofu/setup-opentofu': { tool: 'OpenTofu', input: 'tofu_version' },
  'azure/setup-helm': { tool: 'Helm', input: 'version' },
  'azure/setup-kubectl': { tool: 'kubectl', input: 'version' },
  'aquasecurity/setup-trivy': { tool: 'Trivy', input: 'version' },
  'aquasecurity/trivy-action': { tool: 'Trivy', input: 'version' },
  'astral-sh/setup-uv': { tool: 'uv', input: 'version', alternatives: ['version-file'] },
  'oven-sh/setup-bun': { tool: 'Bun', input: 'bun-version', alternatives: ['bun-version-file'] },
  'golangci/golangci-lint-action': { tool: 'golangci-lint', input: 'version' },
  'google-github-actions/setup-gcloud': { tool: 'the gcloud SDK', input: 'version' },
  'aws-actions/setup-sam': { tool: 'the SAM CLI', input: 'version' },
};

export default defineRule({
  id: 'gha/pin-tool-versions',
  domain: ghaDomain,
  meta: {
    title: 'Setup action installs the latest tool version',
    description:
      'A setup action (`hashicorp/setup-terraform`, `azure/setup-helm`, `aquasecurity/trivy-action`, `astral-sh/setup-uv`, …) is used without its version input, or with `latest`, so it downloads whatever release is newest at run time.',
    rationale:
      "Pinning the action's SHA does not pin the tool it downloads. A new release, or a compromised one, reaches every run at once, and a plan or lint that passed yesterday fails or behaves differently today without any change in the repository. Low.",
    remediation:
      'Set the version input to an exact release (`terraform_version: 1.9.8`, `version: v3.16.2`) and let Dependabot or Renovate bump it.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:unpinned-tools'],
    references: ['https://github.com/hashicorp/setup-terraform#inputs'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/terraform.yml',
          code: 'on: pull_request\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: hashicorp/setup-terraform@v3\n      - run: terraform init && terraform plan\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 43 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/terraform.yml',
          code: 'on: pull_request\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: hashicorp/setup-terraform@v3\n        with:\n          terraform_version: 1.9.8\n      - run: terraform init && terraform plan\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      if (step.uses?.kind !== 'repository') continue;
      const known = TOOL_ACTIONS[step.uses.action];
      if (!known) continue;
      const inputs = new Map(step.with.map((e) => [e.name.toLowerCase(), e]));
      if (known.alternatives?.some((a) => inputs.has(a))) continue;
      const version = inputs.get(known.input);
      if (version && version.value.text?.trim().toLowerCase() !== 'latest') continue;
      ctx.report({
        at: version ? version.value.loc : step.uses.value.loc,
        message: version
          ? `\`${known.input}: latest\` installs whatever ${known.tool} release is newest when the job runs.`
          : `No \`${known.input}\`: ${known.tool} is installed at its newest release when the job runs.`,
        resource: resourceOf(step),
        evidence: `${step.uses.action} ${known.input}`,
      });
    }
  },
});
