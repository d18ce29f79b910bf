import { describe, expect, it } from 'vitest';
import { SourceFile } from '../model/source.js';
import { applyFixes } from './apply.js';
import { combineFixes } from './combine.js';
import { unifiedDiff } from './diff.js';
import { editsToLines, insertAt, insertLinesAfter, replaceLoc } from './edits.js';

const yaml = 'spec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

describe('edits', () => {
  it('turn into a whole-line replacement that keeps the rest of the line', () => {
    const file = new SourceFile('Dockerfile', 'FROM debian:12\nRUN apt-get install -y curl \\\n    git\n');
    const at = file.text.indexOf('install') + 'install'.length;
    expect(editsToLines([insertAt(file, at, ' --no-install-recommends')])).toEqual({
      startLine: 2,
      endLine: 2,
      replacement: 'RUN apt-get install --no-install-recommends -y curl \\',
    });
    const git = file.text.indexOf('git');
    expect(
      editsToLines([insertAt(file, at, ' -q'), replaceLoc({ file, start: git, end: git + 3 }, 'git=1:2.39')]),
    ).toEqual({ startLine: 2, endLine: 3, replacement: 'RUN apt-get install -q -y curl \\\n    git=1:2.39' });
  });

  it('indent inserted lines like the file (multi-line suggestions), with its line endings', () => {
    const file = new SourceFile('k8s/pod.yaml', yaml);
    const fix = editsToLines([insertLinesAfter(file, 4, ['securityContext:', '  runAsNonRoot: true'])]);
    expect(fix).toEqual({
      startLine: 4,
      endLine: 4,
      replacement: '      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true',
    });
    const crlf = new SourceFile('k8s/pod.yaml', yaml.replace(/\n/g, '\r\n'));
    const applied = applyFixes(crlf.text, [
      { description: 'x', ...editsToLines([insertLinesAfter(crlf, 4, ['securityContext: {}'])])! },
    ]);
    expect(applied.text).toBe(
      `${yaml}`.replace('nginx:1.27\n', 'nginx:1.27\n      securityContext: {}\n').replace(/\n/g, '\r\n'),
    );
  });

  it('refuse overlapping edits', () => {
    const file = new SourceFile('a', 'abcdef\n');
    expect(
      editsToLines([
        replaceLoc({ file, start: 0, end: 3 }, 'x'),
        replaceLoc({ file, start: 2, end: 4 }, 'y'),
      ]),
    ).toBeUndefined();
  });
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes bottom up and defers the ones that touch the same lines', () => {
    const text = 'a\nb\nc\nd\n';
    const result = applyFixes(text, [
      { description: '1', startLine: 1, endLine: 1, replacement: 'A' },
      { description: '2', startLine: 3, endLine: 4, replacement: 'C\nD\nE' },
      { description: '3', startLine: 4, endLine: 4, replacement: 'never' },
      { description: '4', startLine: 9, endLine: 9, replacement: 'out of range' },
    ]);
    expect(result.text).toBe('A\nb\nC\nD\nE\n');
    expect(result.deferred.map((f) => f.description)).toEqual(['3', '4']);
  });
});

describe('unifiedDiff', () => {
  it('writes hunks with three lines of context that git apply reads', () => {
    const before = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', ''].join(
      '\n',
    );
    const after = before.replace('two', 'TWO').replace('nine', 'nine\nnine and a half');
    expect(unifiedDiff('dir/file.txt', before, after)).toBe(
      [
        '--- a/dir/file.txt',
        '+++ b/dir/file.txt',
        '@@ -1,5 +1,5 @@',
        ' one',
        '-two',
        '+TWO',
        ' three',
        ' four',
        ' five',
        '@@ -7,4 +7,5 @@',
        ' seven',
        ' eight',
        ' nine',
        '+nine and a half',
        ' ten',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('x', 'same\n', 'same\n')).toBe('');
  });
});

describe('combineFixes', () => {
  const line = 'RUN apt-get install curl';
  const fix = (description: string, replacement: string) => ({
    description,
    startLine: 3,
    endLine: 3,
    replacement,
  });

  it('merges fixes that each change their own stretch of the line, in the given order', () => {
    expect(
      combineFixes(line, [
        fix('-y', 'RUN apt-get install -y curl'),
        fix('recommends', 'RUN apt-get install --no-install-recommends curl'),
        fix('lists', 'RUN apt-get install curl && rm -rf /var/lib/apt/lists/*'),
      ]),
    ).toEqual(
      fix(
        '-y; recommends; lists',
        'RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });

  it('refuses fixes that change the same text or other lines', () => {
    expect(
      combineFixes(line, [fix('a', 'RUN apt-get install wget'), fix('b', 'RUN apt-get install git')]),
    ).toBeUndefined();
    expect(combineFixes(line, [fix('a', 'x'), { ...fix('b', 'y'), endLine: 4 }])).toBeUndefined();
  });
});
