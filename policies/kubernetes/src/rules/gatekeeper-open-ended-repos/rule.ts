import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/gatekeeper-open-ended-repos',
  domain: k8sDomain,
  meta: {
    title: 'Gatekeeper allowed repository matches more than intended',
    description:
      'An OPA Gatekeeper `K8sAllowedRepos` constraint lists a repository without a trailing `/` (nor a tag or digest). The template compares by string prefix, so `registry.corp.example` also admits `registry.corp.example.attacker.io/…` and `ghcr.io/acme` admits `ghcr.io/acme-lookalike/…`.',
    rationale:
      'Medium: whoever registers a host or organisation whose name starts with an allowed entry can get images past the admission policy that was meant to stop them; the fix is one character.',
    remediation:
      'End every entry with `/` (`registry.corp.example/`, `ghcr.io/acme/`), or name the full image with its tag or digest.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0124'],
    references: ['https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/'],
    examples: {
      invalid: [
        {
          filename: 'policies/allowed-repos.yaml',
          code: 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata:\n  name: prod-repos\nspec:\n  match:\n    kinds:\n      - apiGroups: [""]\n        kinds: ["Pod"]\n  parameters:\n    repos:\n      - "registry.corp.example"\n',
          errors: [{ line: 12, column: 9, endLine: 12, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'policies/allowed-repos.yaml',
          code: 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata:\n  name: prod-repos\nspec:\n  match:\n    kinds:\n      - apiGroups: [""]\n        kinds: ["Pod"]\n  parameters:\n    repos:\n      - "registry.corp.example/"\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.group !== 'constraints.gatekeeper.sh' || object.kind !== 'K8sAllowedRepos') return;
    asArray(asObj(asObj(object.data.spec).parameters).repos).forEach((r, i) => {
      const repo = asString(r)?.trim();
      if (!repo || repo.endsWith('/') || /[:@]/.test(repo.slice(repo.lastIndexOf('/') + 1))) return;
      report(
        ctx,
        object,
        object.at(['spec', 'parameters', 'repos', i])!,
        `K8sAllowedRepos \`${object.name}\` allows \`${repo}\`, which also matches every repository whose name starts with it.`,
        repo,
      );
    });
  },
});
