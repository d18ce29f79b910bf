import { SourceFile, UnscannableFileError } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './language.js';
import { yamlNestingOffset } from './nesting.js';

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
});
