import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

const HELM = /\bhelm\s+(?:upgrade|install)\b/;
const READINESS = /\bkubectl\s+(?:[\w=-]+\s+)*(?:wait|rollout\s+status)\b|\bhelm\s+test\b/;
const WAITS = /\s--(wait|atomic|rollback-on-failure)(?![\w-])/;

export default defineRule({
  id: 'gha/helm-upgrade-wait',
  domain: ghaDomain,
  meta: {
    title: '`helm upgrade` without --wait or --atomic',
    description:
      'A `run:` step calls `helm upgrade`/`helm install` without `--wait`, `--atomic` (Helm 3) or `--rollback-on-failure` (Helm 4), and nothing (`kubectl rollout status`, `kubectl wait`, `helm test`) checks readiness right after.',
    rationale:
      'Without them Helm returns as soon as the manifests are accepted: the job goes green while pods crash-loop or never become ready, later steps (smoke tests, a promotion) run against a broken release, and nothing rolls back. Medium.',
    remediation:
      'Add `--atomic --timeout 5m` (Helm 3) or `--rollback-on-failure --timeout 5m` (Helm 4) so the job waits for readiness and rolls back a failed release; at least `--wait`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://helm.sh/docs/helm/helm_upgrade/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install app ./chart -n prod\n',
          errors: [{ line: 6, column: 14, endLine: 6, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install app ./chart -n prod --atomic --timeout 5m\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, HELM)) {
        const line = hit.line.text;
        if (WAITS.test(line) || /--dry-run\b/.test(line)) continue;
        // A CRD-only chart has nothing to wait for.
        if (/\bcrds?\b|-crds?\b/i.test(line)) continue;
        // Readiness checked right after, in the same script or the next step.
        const rest = step.run!.text!.slice(hit.line.end);
        const next = step.job?.steps[step.index + 1]?.run?.text ?? '';
        if (READINESS.test(rest) || READINESS.test(next)) continue;
        ctx.report({
          at: hit.loc,
          message:
            '`helm upgrade`/`install` returns before the release is ready and does not roll back a failed one.',
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: line.trim(),
        });
      }
    }
  },
});
