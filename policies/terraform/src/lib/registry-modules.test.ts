import { describe, expect, it } from 'vitest';
import { MODULE_TABLES, type Predicate } from '../registry-modules/index.js';
import { rules } from '../rules/index.js';
import { constraintRange, matches } from './registry-modules.js';

describe('version constraints of module calls', () => {
  it.each([
    ['~> 20.0', [20, 0, 0], [21, 0, 0]],
    ['~> 19.16.0', [19, 16, 0], [19, 17, 0]],
    ['20.8.5', [20, 8, 5], [20, 8, 6]],
    ['>= 18.0, < 20.0', [18, 0, 0], [20, 0, 0]],
    ['v21.0.1', [21, 0, 1], [21, 0, 2]],
  ])('%s allows [lo, hi)', (constraint, lo, hi) => {
    expect(constraintRange(constraint)).toEqual({ lo, hi });
  });

  it('rejects what it cannot read and empty ranges', () => {
    expect(constraintRange('latest')).toBeUndefined();
    expect(constraintRange('>= 21, < 20')).toBeUndefined();
  });
});

describe('input predicates', () => {
  it('treat unknown values as unknown, never as insecure', async () => {
    const { UNKNOWN } = await import('@plumbline/lang-hcl');
    expect(matches({ equals: true }, UNKNOWN)).toBeUndefined();
    expect(matches({ containsAny: ['0.0.0.0/0'] }, ['10.0.0.0/8', UNKNOWN])).toBeUndefined();
    expect(matches({ containsAny: ['0.0.0.0/0'] }, ['0.0.0.0/0', UNKNOWN])).toBe(true);
    expect(matches({ lacksAny: ['api', 'audit'] }, ['api'])).toBe(true);
    expect(matches({ empty: true }, {})).toBe(true);
    expect(matches({ field: 'enabled', is: { equals: false } }, { enabled: false })).toBe(true);
  });

  it('read lists and maps of objects (listeners, ingress rules) element by element', async () => {
    const { UNKNOWN } = await import('@plumbline/lang-hcl');
    const http: Predicate = { field: 'protocol', is: { equals: 'HTTP' } };
    const plainHttp: Predicate = {
      allOf: [http, { not: { field: 'redirect', is: { not: { empty: true } } } }],
    };
    expect(matches({ some: plainHttp }, { a: { protocol: 'HTTP', redirect: { port: '443' } } })).toBe(false);
    expect(matches({ some: plainHttp }, { a: { protocol: 'HTTPS' }, b: { protocol: 'HTTP' } })).toBe(true);
    expect(matches({ some: plainHttp }, [{ protocol: UNKNOWN }])).toBeUndefined();
    expect(matches({ some: plainHttp }, null)).toBe(false);
    expect(matches({ not: { equals: true } }, UNKNOWN)).toBeUndefined();
    const ssh: Predicate = { coversAny: [22], from: 'from_port', to: 'to_port' };
    expect(matches(ssh, { from_port: 0, to_port: 1024 })).toBe(true);
    expect(matches(ssh, { from_port: '443', to_port: '443' })).toBe(false);
    expect(matches(ssh, { from_port: UNKNOWN, to_port: 22 })).toBeUndefined();
    expect(matches(ssh, { rule: 'ssh-tcp' })).toBe(false);
  });
});

describe('module tables', () => {
  it('name only rules of this pack, and defaults only for versions the input exists in', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const table of MODULE_TABLES) {
      for (const input of table.inputs) expect(ids, `${table.source} ${input.input}`).toContain(input.rule);
      expect(table.docs.length, table.source).toBeGreaterThan(0);
    }
  });
});
