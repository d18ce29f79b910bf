import { MemoryFileSource, RuleRegistry, type RuleSetting, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { languages, pod } from './test-kit.js';

/** The whole pack, as a scan runs it: the combined finding and the five rules it stands for. */
async function scan(code: string, settings: [string, RuleSetting][] = []) {
  const result = await runAudit({
    source: new MemoryFileSource({ 'k8s/pod.yaml': code }),
    languages,
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(settings) }),
    now: new Date('2026-01-01'),
  });
  const hardening = [
    'k8s/require-security-context',
    'k8s/require-seccomp-profile',
    'k8s/require-read-only-root-fs',
    'k8s/no-privilege-escalation',
    'k8s/require-drop-all-capabilities',
    'k8s/run-as-non-root',
  ];
  return result.findings
    .filter((f) => hardening.includes(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      line: f.startLine,
      severity: f.severity,
      message: f.message,
      suppressed: f.suppressed,
    }));
}

describe('securityContext hardening: one finding per container', () => {
  it('a bare container gets one medium finding instead of five, carrying every peer alias', async () => {
    const findings = await scan(pod());
    expect(findings).toEqual([
      {
        ruleId: 'k8s/require-security-context',
        line: 7,
        severity: 'medium',
        message: expect.stringContaining('leaves 5 hardening settings unset'),
        suppressed: undefined,
      },
    ]);
  });

  it('an ignore comment naming one concept by peer id removes it from the list', async () => {
    const code = pod().replace(
      '    - name: app\n',
      '    - name: app # plumbline:ignore CKV_K8S_20, kube-linter:run-as-non-root -- distroless, UID set by the image\n',
    );
    const [finding] = await scan(code);
    expect(finding).toMatchObject({
      ruleId: 'k8s/require-security-context',
      severity: 'low',
      suppressed: undefined,
    });
    expect(finding!.message).toBe(
      'The container `app` of Pod `app` leaves 3 hardening settings unset: `seccompProfile: RuntimeDefault`, `readOnlyRootFilesystem: true` and `capabilities.drop: [ALL]`.',
    );
  });

  it('an annotation naming every concept suppresses the finding', async () => {
    const code = pod().replace(
      '  name: app\n',
      '  name: app\n  annotations:\n    plumbline.dev/ignore: "k8s/require-seccomp-profile,k8s/require-read-only-root-fs,k8s/no-privilege-escalation,k8s/require-drop-all-capabilities,k8s/run-as-non-root"\n',
    );
    const findings = await scan(code);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suppressed).toMatchObject({ kind: 'annotation' });
  });

  it('a concept turned off in config leaves the list', async () => {
    const [finding] = await scan(pod(), [
      ['k8s/run-as-non-root', { enabled: false }],
      ['k8s/no-privilege-escalation', { enabled: false }],
    ]);
    expect(finding).toMatchObject({
      severity: 'low',
      message: expect.stringContaining('leaves 3 hardening settings'),
    });
  });

  it('a bad value stays its own finding next to the combined one', async () => {
    const findings = await scan(pod('      securityContext: {allowPrivilegeEscalation: true}\n'));
    expect(findings.map((f) => f.ruleId)).toEqual([
      'k8s/require-security-context',
      'k8s/no-privilege-escalation',
    ]);
    expect(findings[0]!.message).toContain('leaves 4 hardening settings');
  });
});
