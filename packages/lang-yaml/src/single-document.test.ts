import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readYamlDocument } from './single-document.js';

const VALUES = `# Default values for shop.
replicaCount: 1
image:
  repository: registry.example.com/shop
  tag: ""   # defaults to the chart's appVersion
podAnnotations: {}
resources: &limits
  limits: {cpu: 500m, memory: 256Mi}
sidecar:
  resources: *limits
ingress:
  hosts:
    - host: shop.example.com
      paths: [/]
`;

describe('a values file read as one document', () => {
  it('has the data toJS gives, and the key of a route', () => {
    const file = new SourceFile('charts/shop/values.yaml', VALUES);
    const doc = readYamlDocument(file);
    expect(doc?.data).toEqual(parseDocument(VALUES).toJS());
    const key = doc?.keyAt(['image', 'tag']);
    expect(key && VALUES.slice(key.start, key.end)).toBe('tag');
    const item = doc?.keyAt(['ingress', 'hosts', 0]);
    expect(item && VALUES.slice(item.start, item.end)).toBe('host: shop.example.com');
    // Through the alias, at the anchor where the limits are written.
    const cpu = doc?.keyAt(['sidecar', 'resources', 'limits', 'cpu']);
    expect(cpu && file.span(cpu.start, cpu.end).startLine).toBe(8);
  });

  it('is not read when it does not parse, or its aliases expand without end', () => {
    expect(readYamlDocument(new SourceFile('values.yaml', 'image:\n  tag: [unclosed\n'))).toBeUndefined();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        ['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`),
      )
      .join('\n');
    expect(readYamlDocument(new SourceFile('values.yaml', bomb))).toBeUndefined();
    expect(readYamlDocument(new SourceFile('values.yaml', ''))?.data).toBeNull();
  });
});
