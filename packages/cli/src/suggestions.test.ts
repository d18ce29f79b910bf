/**
 * A Kubernetes fix as a reviewer gets it: the real scan of a manifest a pull request adds, the real
 * review-comment plan of @plumbline/github, and the ```suggestion``` block applied the way GitHub
 * applies it (the commented lines replaced by the block): the same text as `audit --fix` writes,
 * indented like the file, and the finding is gone on a re-scan.
 */
import { applyFixes, type Finding, MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { parsePatch, planReviewComments } from '@plumbline/github';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { rules } from '@plumbline/policy-kubernetes';
import { describe, expect, it } from 'vitest';

const PATH = 'deploy/api.yaml';
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: ghcr.io/shop/api:2.1.0
        ports:
        - containerPort: 8080
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        securityContext:
          runAsUser: 101
          capabilities: {add: [NET_BIND_SERVICE]}
`;

const scan = (text: string) =>
  runAudit({
    source: new MemoryFileSource({ [PATH]: text }),
    languages: [yamlLanguage],
    registry: new RuleRegistry(rules),
    config: testConfig(),
  });

describe('GitHub suggestions for Kubernetes fixes', () => {
  it('replace the commented lines with the fixed ones, as audit --fix does', async () => {
    const lines = MANIFEST.split('\n').slice(0, -1);
    const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
    const before = await scan(MANIFEST);
    const plan = planReviewComments(before.findings, new Map([[PATH, parsePatch(patch)]]), {
      lineText: (_path, line) => lines[line - 1],
    });
    const fixed = before.findings.filter((f) => f.ruleId === 'k8s/require-security-context' && f.fix);
    expect(fixed.map((f) => f.message)).toEqual([
      expect.stringContaining('container `api`'),
      expect.stringContaining('container `proxy`'),
    ]);
    for (const finding of fixed as (Finding & { fix: NonNullable<Finding['fix']> })[]) {
      const comment = plan.comments.find((c) => c.fingerprints.includes(finding.fingerprint));
      expect(comment, finding.message).toBeDefined();
      const block = /````?suggestion\n([\s\S]*?)\n````?$/m.exec(comment!.body)?.[1];
      expect(block, comment!.body).toBeDefined();
      // GitHub replaces lines startLine (or line) .. line by the block.
      const first = comment!.startLine ?? comment!.line;
      const suggested = [...lines];
      suggested.splice(first - 1, comment!.line - first + 1, ...block!.split('\n'));
      const text = `${suggested.join('\n')}\n`;
      expect(text).toBe(applyFixes(MANIFEST, [finding.fix]).text);
      const after = await scan(text);
      expect(after.errors).toEqual([]);
      expect(after.findings.map((f) => f.fingerprint)).not.toContain(finding.fingerprint);
      expect(after.findings.length).toBeLessThan(before.findings.length);
    }
    // The new lines are indented like the container's other keys.
    const apiComment = plan.comments.find((c) => c.fingerprints.includes(fixed[0]!.fingerprint))!;
    expect(apiComment.body).toContain(
      '```suggestion\n        image: ghcr.io/shop/api:2.1.0\n        securityContext:\n          allowPrivilegeEscalation: false\n',
    );
  });
});
