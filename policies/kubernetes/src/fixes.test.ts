/**
 * Every Kubernetes fix, applied through the real `applyFixes` and re-scanned with the whole pack:
 * the finding is gone, no rule reports more than before, the file still parses, and the text
 * around the edit is untouched (the exact output is pinned).
 */

import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { expectFixWorks, runRule, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

const byId = (id: string) => {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

function fix(id: string, code: string, output: string, filename = 'k8s/app.yaml') {
  return expectFixWorks({ rule: byId(id), rules, languages: [yamlLanguage], filename, code, output });
}

/** A Deployment whose container states everything but `only` (hardened otherwise). */
const deployment = (securityContext: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
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
${securityContext}          resources:
            limits:
              memory: 256Mi
${extra}`;

describe('Kubernetes fixes', () => {
  it('require-security-context: a container without securityContext gets one after image:, every setting in one edit', () =>
    fix(
      'k8s/require-security-context',
      deployment(''),
      deployment(`          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
`),
    ));

  it('require-security-context: fills an existing block securityContext, keeping its comments and its nested maps', () =>
    fix(
      'k8s/require-security-context',
      deployment(`          securityContext: # set by the platform team
            runAsUser: 10001
            capabilities:
              add: ["NET_BIND_SERVICE"] # listens on 80
`),
      deployment(`          securityContext: # set by the platform team
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            seccompProfile:
              type: RuntimeDefault
            runAsUser: 10001
            capabilities:
              drop: ["ALL"]
              add: ["NET_BIND_SERVICE"] # listens on 80
`),
    ));

  it('require-security-context: a flow securityContext is completed in flow style, `{}` becomes a block', async () => {
    await fix(
      'k8s/require-security-context',
      deployment('          securityContext: {runAsNonRoot: true, capabilities: {add: [CHOWN]}}\n'),
      deployment(
        '          securityContext: {runAsNonRoot: true, capabilities: {add: [CHOWN], drop: ["ALL"]}, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, seccompProfile: {type: RuntimeDefault}}\n',
      ),
    );
    await fix(
      'k8s/require-security-context',
      deployment('          securityContext: {}\n'),
      deployment(`          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
`),
    );
  });

  it('require-security-context: four-space files, lists at the column of their key, CRLF, the second document', () => {
    const doc = (sc: string) =>
      [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '    name: worker',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: worker',
        'spec:',
        '    containers:',
        '    - name: worker',
        '      image: registry.example.com/worker:3.2',
        ...sc.split('\n').filter(Boolean),
        '      args:',
        '      - --queue=jobs',
        '',
      ].join('\r\n');
    return fix(
      'k8s/require-security-context',
      doc(''),
      doc(
        [
          '      securityContext:',
          '          allowPrivilegeEscalation: false',
          '          readOnlyRootFilesystem: true',
          '          runAsNonRoot: true',
          '          capabilities:',
          '              drop: ["ALL"]',
          '          seccompProfile:',
          '              type: RuntimeDefault',
        ].join('\n'),
      ),
    );
  });

  it('require-security-context: leaves out a setting whose rule is turned off (the fix follows the parts)', async () => {
    const result = await runAudit({
      source: new MemoryFileSource({ 'k8s/app.yaml': deployment('') }),
      languages: [yamlLanguage],
      registry: new RuleRegistry(rules),
      config: testConfig({ rules: new Map([['k8s/require-read-only-root-fs', { enabled: false }]]) }),
    });
    const replacement = result.findings.find((f) => f.ruleId === 'k8s/require-security-context')?.fix
      ?.replacement;
    expect(replacement).toContain('allowPrivilegeEscalation: false');
    expect(replacement).not.toContain('readOnlyRootFilesystem');
  });

  const hardened = `          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
`;
  it.each([
    ['k8s/no-privilege-escalation', '            allowPrivilegeEscalation: false\n'],
    ['k8s/require-read-only-root-fs', '            readOnlyRootFilesystem: true\n'],
    ['k8s/run-as-non-root', '            runAsNonRoot: true\n'],
    ['k8s/require-drop-all-capabilities', '            capabilities:\n              drop: ["ALL"]\n'],
    ['k8s/require-seccomp-profile', '            seccompProfile:\n              type: RuntimeDefault\n'],
  ])('%s: the one missing setting is added to the securityContext', (id, line) => {
    const without = hardened.replace(line, '');
    const added = `          securityContext:\n${line}${without.slice('          securityContext:\n'.length)}`;
    return fix(id, deployment(without), deployment(added));
  });

  it('no-privilege-escalation / require-read-only-root-fs: a wrong value is flipped in place', async () => {
    await fix(
      'k8s/no-privilege-escalation',
      deployment(
        hardened.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true # debug'),
      ),
      deployment(
        hardened.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: false # debug'),
      ),
    );
    await fix(
      'k8s/require-read-only-root-fs',
      deployment(hardened.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false')),
      deployment(hardened),
    );
  });

  it('require-drop-all-capabilities: ALL joins a drop list in its own style', async () => {
    await fix(
      'k8s/require-drop-all-capabilities',
      deployment(hardened.replace('drop: ["ALL"]', 'drop: ["NET_RAW"]')),
      deployment(hardened.replace('drop: ["ALL"]', 'drop: ["NET_RAW", "ALL"]')),
    );
    await fix(
      'k8s/require-drop-all-capabilities',
      deployment(hardened.replace('drop: ["ALL"]', 'drop:\n              - NET_RAW')),
      deployment(hardened.replace('drop: ["ALL"]', 'drop:\n              - NET_RAW\n              - ALL')),
    );
  });

  it('offers no fix that the API server would refuse, or that would land on an alias or a merged key', async () => {
    const fixes = async (code: string) =>
      (
        await runRule(byId('k8s/require-security-context'), [yamlLanguage], { 'k8s/app.yaml': code })
      ).findings.map((f) => f.fix);
    // allowPrivilegeEscalation: false next to privileged: true does not apply.
    expect(await fixes(deployment('          securityContext:\n            privileged: true\n'))).toEqual([
      undefined,
    ]);
    const viaAlias = deployment('          securityContext: *sc\n').replace(
      'metadata:\n  name: api',
      'metadata:\n  name: api\n  annotations:\n    x: &sc {runAsUser: 1000}',
    );
    expect(await fixes(viaAlias)).toEqual([undefined]);
    const merged = deployment('          <<: *base\n').replace(
      'metadata:\n  name: api',
      'metadata:\n  name: api\n  annotations: &base {x: "1"}',
    );
    expect(await fixes(merged)).toEqual([undefined]);
  });

  it('image-pull-policy: Always after image:, or in place of IfNotPresent (quotes kept); Never is left alone', async () => {
    const pod = (policy: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: job\nspec:\n  containers:\n  - name: job\n    image: registry.example.com/job:1.4\n${policy}    command: ["/job"]\n`;
    await fix('k8s/image-pull-policy', pod(''), pod('    imagePullPolicy: Always\n'));
    await fix(
      'k8s/image-pull-policy',
      pod('    imagePullPolicy: "IfNotPresent"\n'),
      pod('    imagePullPolicy: "Always"\n'),
    );
    const never = await runRule(byId('k8s/image-pull-policy'), [yamlLanguage], {
      'k8s/app.yaml': pod('    imagePullPolicy: Never\n'),
    });
    expect(never.findings.map((f) => f.fix)).toEqual([undefined]);
  });

  it('no-service-account-token-automount: the pod stops mounting the token, under serviceAccountName', () => {
    const files = (pod: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
---
${deployment(hardened).replace('      containers:', `      serviceAccountName: api\n${pod}      containers:`)}`;
    return fix(
      'k8s/no-service-account-token-automount',
      files(''),
      files('      automountServiceAccountToken: false\n'),
    );
  });
});
