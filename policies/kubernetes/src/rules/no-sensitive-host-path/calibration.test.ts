import { runRule } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { languages, pod } from '../../test-kit.js';
import rule from './rule.js';

const severity = async (path: string, readOnly: boolean | undefined) => {
  const mount =
    readOnly === undefined
      ? ''
      : `      volumeMounts:\n        - {name: v, mountPath: /host, readOnly: ${readOnly}}\n`;
  const code = pod(mount, `  volumes:\n    - name: v\n      hostPath: {path: ${path}}\n`);
  return (await runRule(rule, languages, { 'k8s/pod.yaml': code })).findings.map((f) => f.severity);
};

describe('k8s/no-sensitive-host-path severity', () => {
  it('is critical for a writable mount, or one whose mounts cannot be seen', async () => {
    expect(await severity('/etc', false)).toEqual(['critical']);
    expect(await severity('/var/lib/docker/containers', undefined)).toEqual(['critical']);
  });
  it('stays critical for a runtime socket mounted read-only (the socket still answers)', async () => {
    expect(await severity('/var/run/docker.sock', true)).toEqual(['critical']);
  });
  it('is high for read-only credential stores, medium for other read-only paths', async () => {
    expect(await severity('/var/lib/kubelet/pods', true)).toEqual(['high']);
    expect(await severity('/', true)).toEqual(['high']);
    expect(await severity('/var/lib/docker/containers', true)).toEqual(['medium']);
    expect(await severity('/proc', true)).toEqual(['medium']);
  });
});
