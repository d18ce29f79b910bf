import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\nconcurrency: deploy\njobs:\n  a:\n    runs-on: x\n    environment: production\n    steps: [{run: helm upgrade --install a ./c --wait}]\n',
    {
      name: 'kubectl apply on a kind cluster is a test',
      code: 'on: push\njobs:\n  e2e:\n    runs-on: x\n    steps:\n      - uses: helm/kind-action@v1\n      - run: kubectl apply -f k8s/\n        env: { T: "${{ secrets.T }}" }\n',
    },
    {
      name: 'dry run',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: kubectl apply --dry-run=server -f k8s/\n        env: { KUBECONFIG_DATA: "${{ secrets.K }}" }\n',
    },
  ],
  invalid: [
    {
      name: 'terraform apply with cloud credentials',
      code: 'on: push\njobs:\n  infra:\n    runs-on: x\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n      - run: terraform apply -auto-approve\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 8, message: 'terraform apply' }],
    },
  ],
});

async function audit(text: string) {
  const result = await runAudit({
    source: new MemoryFileSource({ '.github/workflows/ci.yml': text }),
    languages: [yamlLanguage],
    registry: new RuleRegistry([rule]),
    config: testConfig(),
  });
  return result.findings;
}

function apply(text: string, fix: { startLine: number; endLine: number; replacement: string }): string {
  const lines = text.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

describe('gha/deploy-requires-concurrency fix', () => {
  it('adds a non-cancelling concurrency group named after the environment, idempotently', async () => {
    const text =
      'on: push\njobs:\n  deploy:\n    runs-on: x\n    environment: production\n    steps:\n      - run: helm upgrade --install a ./c --atomic\n';
    const fixed = apply(text, (await audit(text))[0]!.fix!);
    expect(fixed).toBe(
      'on: push\njobs:\n  deploy:\n    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n    runs-on: x\n    environment: production\n    steps:\n      - run: helm upgrade --install a ./c --atomic\n',
    );
    expect(await audit(fixed)).toEqual([]);
  });
});
