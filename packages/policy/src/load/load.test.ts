import { ConfigError, MemoryFileSource } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { compilePolicyFiles, loadPolicies } from './load-policies.js';
import { PolicyLoadError } from './policy-error.js';

const POLICY = `apiVersion: plumbline.dev/v1
kind: Policy
metadata:
  id: acme/no-latest
spec:
  title: Images are not tagged latest
  severity: high
  match:
    language: kubernetes
    kinds: [Pod]
  deny: |
    object.spec.containers.exists(c,
      c.image.endsWith(':latest'))
  message: "{{ name }} runs a latest image"
`;

function loadError(text: string, file = '.plumbline/policies/p.yaml'): PolicyLoadError {
  try {
    compilePolicyFiles([{ file, text }]);
  } catch (error) {
    if (error instanceof PolicyLoadError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('loading policies', () => {
  it('compiles a valid policy into a rule on the Kubernetes domain, linked to its file', () => {
    const [policy] = compilePolicyFiles([{ file: '.plumbline/policies/p.yaml', text: POLICY }]);
    expect(policy?.rule.id).toBe('acme/no-latest');
    expect(policy?.rule.domain.id).toBe('k8s');
    expect(policy?.rule.meta.docs).toEqual({ path: '.plumbline/policies/p.yaml' });
  });

  it('reads .plumbline/policies/** through the file source, leaving tests and other folders out', async () => {
    const source = new MemoryFileSource({
      '.plumbline/policies/k8s/no-latest.yaml': POLICY,
      '.plumbline/policies/k8s/no-latest.test.yaml': 'not: a policy',
      'policies/other.yaml': 'kind: Whatever',
    });
    const policies = await loadPolicies({ source });
    expect(policies.map((p) => p.file)).toEqual(['.plumbline/policies/k8s/no-latest.yaml']);
  });

  it('is a configuration error that names the file and line of an unknown field', () => {
    const error = loadError(POLICY.replace('  severity: high\n', '  severity: high\n  sevrity: low\n'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('.plumbline/policies/p.yaml:8:3: spec.sevrity: unknown field "sevrity"');
  });

  it('names the line of a value outside its enum', () => {
    expect(loadError(POLICY.replace('severity: high', 'severity: urgent')).message).toBe(
      '.plumbline/policies/p.yaml:7:13: spec.severity: must be one of critical, high, medium, low, info',
    );
  });

  it('rejects an id in a built-in domain', () => {
    expect(loadError(POLICY.replace('acme/no-latest', 'k8s/no-latest')).message).toMatch(
      /^\S+:4:7: metadata\.id: must match/,
    );
  });

  it('names the line of a YAML error', () => {
    expect(loadError(POLICY.replace('  title: Images', '  title: [Images')).message).toMatch(
      /^\.plumbline\/policies\/p\.yaml:\d+:\d+: not valid YAML/,
    );
  });

  it('points a CEL error at its line in the policy file, inside a block scalar', () => {
    const error = loadError(POLICY.replace("c.image.endsWith(':latest'))", "c.image.endsWith(':latest')))"));
    expect(error.line).toBe(13);
    expect(error.message).toMatch(/spec\.deny: CEL syntax error/);
  });

  it('rejects a reference to a variable the language does not have', () => {
    const error = loadError(
      POLICY.replace('object.spec.containers.exists', 'resource.spec.containers.exists'),
    );
    expect(error.line).toBe(12);
    expect(error.message).toMatch(
      /undeclared reference to 'resource' \(available: file, kind, name, namespace, object, related\)/,
    );
  });

  it('rejects two policies with the same id', () => {
    expect(() =>
      compilePolicyFiles([
        { file: 'a.yaml', text: POLICY },
        { file: 'b.yaml', text: POLICY },
      ]),
    ).toThrow('b.yaml:4:7: metadata.id: acme/no-latest is already defined in a.yaml');
  });
});
