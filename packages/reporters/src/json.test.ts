import { describe, expect, it } from 'vitest';
import { finding, realisticResult, runResult } from './fixtures/results.js';
import { renderJson, renderJsonChunks } from './index.js';

/** The type of every value, keys kept in order: what the contract pins. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value === null ? 'null' : typeof value;
}

const BY_SEVERITY = { critical: 'number', high: 'number', medium: 'number', low: 'number', info: 'number' };
const FINDING_BASE = {
  ruleId: 'string',
  title: 'string',
  severity: 'string',
  category: 'string',
  confidence: 'string',
  message: 'string',
  remediation: 'string',
  file: 'string',
  startLine: 'number',
  startColumn: 'number',
  endLine: 'number',
  endColumn: 'number',
};

describe('renderJson (the DESIGN contract)', () => {
  const report = JSON.parse(renderJson(realisticResult()));

  it('has exactly tool, findings, errors and summary, with pinned key sets and types', () => {
    expect(Object.keys(report)).toEqual(['tool', 'findings', 'errors', 'summary']);
    expect(shape(report.tool)).toEqual({ name: 'string', version: 'string' });
    expect(shape(report.summary)).toEqual({
      files: 'number',
      findings: 'number',
      suppressed: 'number',
      bySeverity: BY_SEVERITY,
      durationMs: 'number',
    });
    expect(Object.keys(report.summary.bySeverity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
  });

  it('pins every shape a finding can take: plain, with resource, with fix, suppressed', () => {
    const shapes = new Set(report.findings.map((f: unknown) => JSON.stringify(shape(f))));
    const plain = { ...FINDING_BASE, fingerprint: 'string', aliases: [] };
    const withResource = { ...FINDING_BASE, resource: 'string', fingerprint: 'string', aliases: ['string'] };
    const fix = { description: 'string', startLine: 'number', endLine: 'number', replacement: 'string' };
    const suppressed = { kind: 'string', reason: 'string' };
    expect([...shapes].map((s) => JSON.parse(s as string))).toEqual(
      expect.arrayContaining([
        plain,
        withResource,
        { ...withResource, fix },
        { ...withResource, suppressed },
      ]),
    );
    expect(shapes.size).toBe(4);
  });

  it('pins the error shape: kind and message, file/line/column/ruleId only when known', () => {
    expect(report.errors.map(shape)).toEqual(
      expect.arrayContaining([
        { kind: 'string', message: 'string', file: 'string' },
        { kind: 'string', message: 'string', file: 'string', line: 'number', column: 'number' },
        { kind: 'string', message: 'string' },
      ]),
    );
  });

  it('keeps values as they are and leaves out `suppressed` on unsuppressed findings', () => {
    const result = realisticResult();
    expect(report.findings).toHaveLength(result.findings.length);
    expect(report.summary).toEqual({
      files: 14,
      findings: 5,
      suppressed: 4,
      bySeverity: { critical: 2, high: 1, medium: 2, low: 0, info: 0 },
      durationMs: 412,
    });
    const priv = report.findings.find(
      (f: { file: string; ruleId: string }) =>
        f.file === 'k8s/deployment.yaml' && f.ruleId === 'k8s/no-privileged-container',
    );
    expect(priv).toEqual({
      ruleId: 'k8s/no-privileged-container',
      title: 'Privileged container',
      severity: 'critical',
      category: 'security',
      confidence: 'high',
      message: 'Container "api" runs privileged.',
      remediation: 'Remove `privileged: true`; grant only the capabilities the workload needs.',
      file: 'k8s/deployment.yaml',
      startLine: 24,
      startColumn: 13,
      endLine: 24,
      endColumn: 29,
      resource: 'Deployment/production/api',
      fingerprint: priv.fingerprint,
      aliases: [
        'CKV_K8S_16',
        'AVD-KSV-0017',
        'kube-linter:privileged-container',
        'polaris:privilegeEscalationAllowed',
      ],
    });
    expect(report.findings.filter((f: object) => 'suppressed' in f)).toHaveLength(4);
    const withFix = report.findings.find((f: object) => 'fix' in f);
    expect(Object.keys(withFix)).toEqual([
      ...Object.keys(FINDING_BASE),
      'resource',
      'fingerprint',
      'aliases',
      'fix',
    ]);
  });

  it('does not let fields outside the contract leak from the engine', () => {
    const f = {
      ...finding('dockerfile/no-root-user', 'Dockerfile', [3, 1, 3, 9], 'root'),
      containerLines: [1, 9],
    };
    const out = JSON.parse(renderJson(runResult([f], { root: '/home/me/secret-checkout' })));
    expect(out.findings[0]).not.toHaveProperty('containerLines');
    expect(JSON.stringify(out)).not.toContain('/home/me');
    expect(out.tool).toEqual({ name: 'plumbline', version: '0.1.0' });
  });

  it('is one JSON document ending with a newline', () => {
    const text = renderJson(runResult([]));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ findings: [], errors: [], summary: { findings: 0 } });
  });

  it('comes in chunks that add up to the same text, byte for byte', () => {
    const many = Array.from({ length: 1203 }, (_, i) =>
      finding(
        'dockerfile/no-root-user',
        `svc-${i}/Dockerfile`,
        [i + 1, 1, i + 1, 9],
        `root in "svc-${i}"\nline`,
      ),
    );
    const withRendering = runResult(many, {
      summary: {
        ...runResult(many).summary,
        rendering: { helm: { rendered: 2, failed: 1, skipped: 0, durationMs: 9 } },
      },
    });
    for (const result of [realisticResult(), runResult([]), withRendering]) {
      const chunks = [...renderJsonChunks(result)];
      expect(chunks.join('')).toBe(renderJson(result));
    }
    // Large reports are written a few hundred findings at a time.
    expect([...renderJsonChunks(withRendering)].length).toBeGreaterThan(3);
  });
});
