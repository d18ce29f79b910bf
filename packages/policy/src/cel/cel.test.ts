import { describe, expect, it } from 'vitest';
import { Budget, metered } from './budget.js';
import { CelCompileError, compileExpression } from './compile.js';

const run = (expression: string, input: Record<string, unknown> = {}, budget = new Budget()) => {
  const bindings = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, metered(v, budget)]));
  return compileExpression(expression, Object.keys(input)).evaluate(bindings, budget);
};

describe('compileExpression', () => {
  it('reports a syntax error with its line and column inside the expression', () => {
    const error = (() => {
      try {
        compileExpression('object.metadata &&\n  object.(', ['object']);
      } catch (e) {
        return e as CelCompileError;
      }
    })();
    expect(error).toBeInstanceOf(CelCompileError);
    expect([error?.line, error?.column]).toEqual([2, 9]);
    expect(error?.message).toMatch(/CEL syntax error/);
  });

  it('rejects an undeclared variable and an unknown function at compile time', () => {
    expect(() => compileExpression('objet.metadata.name == "x"', ['object'])).toThrow(
      /undeclared reference to 'objet'/,
    );
    expect(() => compileExpression('startsWith(object.x, "a")', ['object'])).not.toThrow();
    expect(() => compileExpression('object.x.frobnicate()', ['object'])).toThrow(
      /unknown function 'frobnicate'/,
    );
  });

  it('knows comprehension variables only inside their macro', () => {
    expect(() => compileExpression('l.all(x, x > 0)', ['l'])).not.toThrow();
    expect(() => compileExpression('l.all(x, x > 0) && x == 1', ['l'])).toThrow(/'x'/);
  });
});

describe('evaluation', () => {
  it('treats integers of the input as CEL ints, so == works as in Kubernetes', () => {
    expect(
      run('object.spec.replicas == 3 && object.spec.ratio > 0.5', {
        object: { spec: { replicas: 3, ratio: 0.75 } },
      }),
    ).toEqual({ ok: true, value: true });
  });

  it('returns an evaluation error for a missing field instead of throwing', () => {
    const r = run('object.spec.missing == 1', { object: { spec: {} } });
    expect(r).toEqual({ ok: false, error: 'field not found: missing' });
  });

  // Whether it is quick is bench material; here, that the step budget (not the clock) stops it.
  it('stops a runaway expression at the step limit', { timeout: 60_000 }, () => {
    const r = run(
      'l.map(a, l.map(b, l.map(c, 1))).size() > 0',
      { l: Array.from({ length: 500 }, (_, i) => i) },
      new Budget(100_000, 600_000),
    );
    expect(r).toEqual({ ok: false, error: 'cost limit exceeded (100000 steps)' });
  });

  it('reads maps as their keys with a value, in order, each key a step of the budget', () => {
    const labels = { team: 'payments', tier: 'web', owner: undefined, '2024': 'year' };
    expect(
      run('object.metadata.labels.size() == 3 && "owner" in object.metadata.labels', {
        object: { metadata: { labels } },
      }),
    ).toEqual({
      ok: true,
      value: false,
    });
    expect(run('object.labels.filter(k, k != "tier") == ["2024", "team"]', { object: { labels } })).toEqual({
      ok: true,
      value: true,
    });
    expect(
      run('has(object.spec.replicas) && !has(object.spec.paused)', {
        object: { spec: { replicas: 2, paused: undefined } },
      }),
    ).toEqual({
      ok: true,
      value: true,
    });
    // 300 keys read 300 times over: past a budget of 50,000 steps.
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`key-${i}`, i]));
    expect(run('m.all(a, m.all(b, true))', { m: wide }, new Budget(50_000, 600_000))).toEqual({
      ok: false,
      error: 'cost limit exceeded (50000 steps)',
    });
    expect(run('m.all(a, m.exists(b, b == a))', { m: wide }, new Budget(200_000, 600_000))).toEqual({
      ok: true,
      value: true,
    });
  });

  it('stops at the time limit even under the step limit', () => {
    const r = run(
      'l.map(a, l.map(b, l.map(c, 1))).size() > 0',
      { l: Array.from({ length: 400 }, (_, i) => i) },
      new Budget(1e12, 50),
    );
    expect(r).toEqual({ ok: false, error: 'time limit exceeded (50 ms)' });
  });

  it('has the Kubernetes quantity library', () => {
    expect(run("quantity('1Gi').isGreaterThan(quantity('1000Mi'))")).toEqual({ ok: true, value: true });
    expect(run("quantity('500m').compareTo(quantity('0.5'))")).toEqual({ ok: true, value: 0n });
    expect(run("quantity('2k').asInteger()")).toEqual({ ok: true, value: 2000n });
    expect(run("quantity('1.5').isInteger() || !isQuantity('12 apples')")).toEqual({ ok: true, value: true });
    expect(run("quantity('1Gi').add(quantity('512Mi')).isLessThan(quantity('2Gi'))")).toEqual({
      ok: true,
      value: true,
    });
    expect(run("quantity('lots')")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid quantity/),
    });
  });

  it('has the Kubernetes lists, regex and strings libraries', () => {
    expect(
      run('[1, 2, 2].isSorted() && [3, 1, 2].sum() == 6 && [3, 1, 2].min() == 1 && [3, 1, 2].max() == 3'),
    ).toEqual({ ok: true, value: true });
    expect(run("['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2")).toEqual({
      ok: true,
      value: true,
    });
    expect(run("'v1.2.3-rc1'.find('[0-9]+') + ':' + 'a1b22c333'.findAll('[0-9]+').join(',')")).toEqual({
      ok: true,
      value: '1:1,22,333',
    });
    expect(run("'Hello'.lowerAscii() + ' ' + 'a,b'.split(',').join('+') + ' ' + '  x '.trim()")).toEqual({
      ok: true,
      value: 'hello a+b x',
    });
    expect(run("'registry.acme.io/web:1.2'.matches('^registry\\\\.acme\\\\.io/')")).toEqual({
      ok: true,
      value: true,
    });
  });

  it('finds maps in lists by value with indexOf', () => {
    expect(run('l.indexOf(l[1])', { l: [{ a: 1 }, { a: 2 }] })).toEqual({ ok: true, value: 1n });
  });
});
