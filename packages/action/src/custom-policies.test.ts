import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';

const fixture = join(new URL('../../../', import.meta.url).pathname, 'fixtures', 'custom-policies');

describe('the Action engine with custom policies', () => {
  it("reports a repository's house policies and admission policy, as the CLI does", async () => {
    const result = await createEngine().scan({ root: fixture });
    const custom = result.findings.filter((f) => /^(acme|vap)\//.test(f.ruleId));
    expect(custom.map((f) => `${f.ruleId} ${f.file}:${f.startLine}`)).toEqual([
      'acme/explicit-token-permissions .github/workflows/ci.yml:1',
      'acme/approved-base-images Dockerfile:6',
      'acme/s3-data-classification-tag infra/storage.tf:3',
      'vap/replica-limits k8s/apps/storefront.yaml:2',
      'vap/replica-limits k8s/apps/storefront.yaml:2',
      'acme/require-team-label k8s/apps/storefront.yaml:6',
    ]);
    const markdown = createEngine().renderMarkdown(result);
    expect(markdown).toMatch(/vap\/replica-limits/);
  });
});
