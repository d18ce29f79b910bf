import { describe, expect, it } from 'vitest';
import { hunkOf, parsePatch } from './diff.js';

describe('parsePatch', () => {
  it('numbers the new side: added lines with their text, context lines counted, removed lines not', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' a',
      '-b',
      '+B',
      '+C',
      ' d',
      ' e',
      '@@ -20,2 +21,3 @@ jobs:',
      ' x',
      '+y',
      ' z',
      '\\ No newline at end of file',
    ].join('\n');
    const diff = parsePatch(patch);
    expect([...diff.added]).toEqual([
      [2, 'B'],
      [3, 'C'],
      [22, 'y'],
    ]);
    expect(diff.hunks).toEqual([
      { start: 1, end: 5 },
      { start: 21, end: 23 },
    ]);
    expect(hunkOf(diff, 4)).toEqual({ start: 1, end: 5 });
    expect(hunkOf(diff, 10)).toBeUndefined();
  });

  it('reads a new file (hunk without a count) and a deletion-only hunk', () => {
    expect([...parsePatch('@@ -0,0 +1 @@\n+only').added]).toEqual([[1, 'only']]);
    const removed = parsePatch('@@ -3,2 +2,0 @@\n-gone\n-also');
    expect(removed.added.size).toBe(0);
    expect(removed.hunks).toEqual([{ start: 2, end: 1 }]);
  });
});
