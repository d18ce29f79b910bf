import { SourceFile, UnscannableFileError } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hclLanguage } from './language.js';

beforeAll(() => hclLanguage.load?.());

describe('HCL nesting limit', () => {
  it('refuses expressions nested past the limit instead of overflowing the stack', () => {
    for (const text of [
      `locals {\n  x = ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`,
      `locals {\n  x = 1${' + 1'.repeat(5000)}\n}\n`,
      `locals {\n  x = ${'{ a = '.repeat(900)}1${' }'.repeat(900)}\n}\n`,
      `${'dynamic "x" {\n'.repeat(600)}${'}\n'.repeat(600)}`,
    ]) {
      expect(() => hclLanguage.parse(new SourceFile('main.tf', text))).toThrow(UnscannableFileError);
    }
    const json = `{"locals": ${'['.repeat(300)}${']'.repeat(300)}}`;
    expect(() => hclLanguage.parse(new SourceFile('main.tf.json', json))).toThrow(/nested deeper than 200/);
  });

  it('lists the syntax errors of a deeply broken file without overflowing', () => {
    const text = `locals {\n  x = ${'[('.repeat(20_000)}\n`;
    const problems = hclLanguage.parse(new SourceFile('main.tf', text)).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/^syntax error/);
  });

  it('still parses deep but reasonable nesting', () => {
    const text = `locals {\n  x = ${'['.repeat(300)}${']'.repeat(300)}\n}\n`;
    expect(hclLanguage.parse(new SourceFile('main.tf', text)).problems).toEqual([]);
  });
});
