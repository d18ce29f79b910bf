import { SourceFile, UnscannableFileError } from '@plumbline/core';
import { seeded } from '@plumbline/core/testing/random-edits';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './language.js';
import { nestingOffsetByScan, shallowerThan, yamlNestingOffset } from './nesting.js';

const manifest = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: ${value}\n`;

describe('yamlNestingOffset', () => {
  it('finds flow, block and sequence nesting past the limit', () => {
    expect(yamlNestingOffset(`a: ${'['.repeat(20)}${']'.repeat(20)}\n`, 10)).toBe(3 + 9); // the line itself is one level, nine brackets more make ten
    let block = '';
    for (let i = 0; i < 20; i++) block += `${' '.repeat(i)}k${i}:\n`;
    expect(yamlNestingOffset(block, 10)).toBeGreaterThan(0);
    expect(yamlNestingOffset(`a:\n${'- '.repeat(20)}x\n`, 10)).toBeGreaterThan(0);
  });

  it('does not count brackets in quoted strings, comments, block scalars or plain words', () => {
    const text = [
      `a: "${'['.repeat(50)}"`,
      `b: '${'{'.repeat(50)}'`,
      `# ${'['.repeat(50)}`,
      'c: |',
      `  ${'['.repeat(50)}`,
      `d: x${'['.repeat(50)}`,
      'e: [1, [2, {f: [3]}]]',
    ].join('\n');
    expect(yamlNestingOffset(text, 10)).toBe(-1);
  });

  it('makes the parser refuse a file nested past 500 levels with a plain reason', () => {
    const deep = new SourceFile('k8s/deep.yaml', manifest(`${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    expect(() => parseYaml(deep)).toThrow(UnscannableFileError);
    expect(() => parseYaml(deep)).toThrow('nesting deeper than 500 levels');
    const fine = new SourceFile('k8s/fine.yaml', manifest(`${'['.repeat(400)}${']'.repeat(400)}`));
    expect(parseYaml(fine).model?.documents).toHaveLength(1);
  });

  it('rules a text out by its quick bound only where the full scan finds nothing too deep', () => {
    const random = seeded(17);
    const pieces = ['- ', '  ', ' ', '[', '{', ']', '}', 'k: ', 'x', '"', "'", '# ', '|', ', ', '\n', '\n  '];
    let ruledOut = 0;
    let tooDeep = 0;
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      const length = 5 + Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const limit = 3 + Math.floor(random() * 12);
      const byScan = nestingOffsetByScan(text, limit);
      if (byScan >= 0) tooDeep++;
      if (shallowerThan(text, limit)) {
        ruledOut++;
        expect(byScan, JSON.stringify({ text, limit })).toBe(-1);
      }
      expect(yamlNestingOffset(text, limit)).toBe(byScan);
    }
    // Staircases, the deepest a line of each length can nest: one more column per line, ending
    // in an entry marker, with brackets after.
    for (let limit = 3; limit < 15; limit++)
      for (let steps = limit - 3; steps <= limit + 1; steps++)
        for (const end of ['x', '-', '- -', '[x]', '[[x]]']) {
          let text = '';
          for (let i = 0; i < steps; i++) text += `${' '.repeat(i)}k:\n`;
          text += ' '.repeat(steps) + end;
          const byScan = nestingOffsetByScan(text, limit);
          if (byScan >= 0) tooDeep++;
          if (shallowerThan(text, limit)) expect(byScan, JSON.stringify({ text, limit })).toBe(-1);
        }
    // Both kinds of text were met.
    expect(ruledOut).toBeGreaterThan(100);
    expect(tooDeep).toBeGreaterThan(100);
  });

  it('takes the quick bound for an ordinary manifest and long plain lines, not for deep ones', () => {
    expect(shallowerThan(manifest('[a, {b: c}]'), 500)).toBe(true);
    expect(shallowerThan(`a: ${'['.repeat(499)}`, 500)).toBe(true);
    expect(shallowerThan(`a: ${'['.repeat(500)}`, 500)).toBe(false);
    expect(shallowerThan(`a: ${'x'.repeat(600)}`, 500)).toBe(true);
    expect(shallowerThan(`${' '.repeat(600)}x`, 500)).toBe(false);
    expect(shallowerThan(`${'- '.repeat(300)}x`, 500)).toBe(false);
  });
});
