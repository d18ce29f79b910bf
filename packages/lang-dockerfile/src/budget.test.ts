import { SourceFile, UnscannableFileError } from '@plumbline/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dockerfileLanguage, isDockerfilePath } from './language.js';
import { MAX_SHELL_PER_RUN } from './parse.js';

beforeAll(() => dockerfileLanguage.load?.());

const parse = (text: string) => dockerfileLanguage.parse(new SourceFile('Dockerfile', text));

describe('Dockerfile budgets', () => {
  it('parses a RUN of 5,000 `&&` without overflowing, every command in order', () => {
    const result = parse(
      `FROM alpine:3.20\nRUN ${Array.from({ length: 5000 }, (_, i) => `echo ${i}`).join(' && ')}\n`,
    );
    const run = result.model!.stages[0]!.instructions.find((i) => i.keyword === 'RUN')!;
    expect(run.shell!.commands).toHaveLength(5000);
    expect(run.shell!.commands[4999]!.args[0]!.value).toBe('4999');
  });

  it('reports a RUN over the shell budget as not checked, and still reads the rest', () => {
    const result = parse(`FROM alpine:3.20\nRUN echo ${'x '.repeat(MAX_SHELL_PER_RUN)}\nUSER 10001\n`);
    expect(result.unscanned?.map((u) => u.message)).toEqual([
      expect.stringMatching(
        /^the RUN instruction at line 2 is \d+ characters long, over the 65536-character budget/,
      ),
    ]);
    expect(result.model!.stages[0]!.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });

  it('refuses a Dockerfile over the size budget', () => {
    expect(() => parse(`FROM alpine\nRUN echo ${'abcdefg '.repeat(100_000)}\n`)).toThrow(
      UnscannableFileError,
    );
  });

  it('does not take source files named after Dockerfiles', () => {
    expect(isDockerfilePath('tools/dockerfile.go')).toBe(false);
    expect(isDockerfilePath('syntax/dockerfile.vim')).toBe(false);
    expect(isDockerfilePath('Dockerfile.prod')).toBe(true);
    expect(isDockerfilePath('build/Dockerfile.test')).toBe(true);
    // Templates that a generator completes: read as fragments when they have no FROM.
    expect(isDockerfilePath('docker/Dockerfile.in')).toBe(true);
    expect(isDockerfilePath('src/dockerfile.go.in')).toBe(false);
  });
});
