import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.js';
import { createBaseline, parseBaseline } from './baseline.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'k8s/x',
  title: 't',
  severity: 'high',
  category: 'security',
  confidence: 'high',
  message: 'm',
  remediation: 'r',
  file: 'a.yaml',
  startLine: 1,
  startColumn: 1,
  endLine: 1,
  endColumn: 2,
  fingerprint: 'f1',
  aliases: [],
  ...over,
});

describe('baseline', () => {
  it('round-trips through JSON and leaves out findings suppressed for other reasons', () => {
    const baseline = createBaseline(
      [
        finding({ fingerprint: 'b', file: 'b.yaml' }),
        finding({ fingerprint: 'a' }),
        finding({ fingerprint: 'c', suppressed: { kind: 'inline', reason: 'x' } }),
      ],
      new Date('2026-01-02T03:04:05Z'),
    );
    const again = parseBaseline(JSON.stringify(baseline), 'b.json');
    expect(again).toEqual(baseline);
    expect(again.findings.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(again.generatedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('refuses a file that is not a baseline', () => {
    expect(() => parseBaseline('{"x":1}', 'b.json')).toThrow(/not a Plumbline baseline/);
    expect(() => parseBaseline('nope', 'b.json')).toThrow(/not valid JSON/);
  });
});
