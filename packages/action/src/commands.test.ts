import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotation, appendSummary, command, escapeData, escapeProperty, setOutput } from './commands.js';
import { readInputs } from './inputs.js';
import { parseOutputs } from './test-support/scenario.ts';

describe('workflow commands', () => {
  it('escapes messages (%, CR, LF) and properties (also : and ,)', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(command('warning', { title: 'x: y, z', file: undefined }, 'm')).toBe(
      '::warning title=x%3A y%2C z::m',
    );
  });

  it('writes an annotation with file, lines and title; columns only on a single line', () => {
    expect(
      annotation('error', 'bad\nfix it', {
        file: 'a,b.yml',
        line: 3,
        endLine: 3,
        col: 2,
        endColumn: 9,
        title: 'gha/x: T',
      }),
    ).toBe('::error file=a%2Cb.yml,line=3,endLine=3,col=2,endColumn=9,title=gha/x%3A T::bad%0Afix it');
    expect(annotation('notice', 'm', { file: 'f', line: 3, endLine: 5, col: 2, endColumn: 9 })).toBe(
      '::notice file=f,line=3,endLine=5::m',
    );
  });

  it('appends outputs with a heredoc delimiter (multi-line values survive) and the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-cmd-'));
    const out = join(dir, 'out');
    setOutput(out, 'one', '1');
    setOutput(out, 'many', 'a\nb');
    expect(parseOutputs(readFileSync(out, 'utf8'))).toEqual({ one: '1', many: 'a\nb' });
    appendSummary(join(dir, 'sum'), '# a');
    appendSummary(join(dir, 'sum'), '# b\n');
    expect(readFileSync(join(dir, 'sum'), 'utf8')).toBe('# a\n# b\n');
    setOutput(undefined, 'x', 'y'); // no GITHUB_OUTPUT: nothing to do
    rmSync(dir, { recursive: true });
  });
});

describe('inputs', () => {
  it('reads INPUT_* as the runner names them, with defaults', () => {
    expect(readInputs({})).toEqual({
      path: '.',
      config: undefined,
      presets: [],
      failOn: 'high',
      mode: undefined,
      comment: true,
      reviewComments: true,
      reviewMinSeverity: 'medium',
      annotations: true,
      sarifFile: undefined,
      uploadSarif: false,
      sarifCategory: 'plumbline',
      token: undefined,
    });
    const inputs = readInputs({
      INPUT_PATH: 'infra',
      INPUT_PRESET: 'recommended, strict\nextra',
      'INPUT_FAIL-ON': 'None',
      INPUT_MODE: 'all',
      'INPUT_REVIEW-COMMENTS': 'false',
      'INPUT_UPLOAD-SARIF': 'true',
      'INPUT_SARIF-FILE': 'x.sarif',
      'INPUT_REVIEW-MIN-SEVERITY': 'High',
    });
    expect(inputs).toMatchObject({
      path: 'infra',
      reviewMinSeverity: 'high',
      sarifCategory: 'plumbline/infra',
      presets: ['recommended', 'strict', 'extra'],
      failOn: 'none',
      mode: 'all',
      reviewComments: false,
      uploadSarif: true,
      sarifFile: 'x.sarif',
    });
  });

  it('rejects values it does not know', () => {
    expect(() => readInputs({ INPUT_MODE: 'changed' })).toThrow(
      'input mode: expected new or all, got "changed"',
    );
    expect(() => readInputs({ INPUT_COMMENT: 'maybe' })).toThrow('input comment: expected true or false');
    expect(() => readInputs({ 'INPUT_REVIEW-MIN-SEVERITY': 'severe' })).toThrow(
      'input review-min-severity: expected critical, high, medium, low or info, got "severe"',
    );
  });
});
