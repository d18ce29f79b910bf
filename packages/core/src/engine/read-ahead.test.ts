import { describe, expect, it } from 'vitest';
import { type FileSource, MemoryFileSource } from './file-source.js';
import { readAhead } from './read-ahead.js';

/** A source whose reads finish in reverse order of their start, counting how many are in flight. */
function slowSource(files: Record<string, string>): FileSource & { maxInFlight: number } {
  const inner = new MemoryFileSource(files);
  let inFlight = 0;
  const source = {
    name: 'slow',
    warnings: [],
    maxInFlight: 0,
    list: () => inner.list(),
    async read(path: string) {
      inFlight++;
      source.maxInFlight = Math.max(source.maxInFlight, inFlight);
      // Later paths resolve sooner: the order of results must still be the order asked.
      await new Promise((resolve) => setTimeout(resolve, 20 - Number(path.match(/\d+/)?.[0] ?? 0)));
      inFlight--;
      return inner.read(path);
    },
  };
  return source;
}

describe('readAhead', () => {
  it('yields every file in the order asked, with at most `window` reads in flight', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`k8s/app-${i}.yaml`, `kind: C${i}\n`]),
    );
    const source = slowSource(files);
    const texts: string[] = [];
    for await (const outcome of readAhead(source, Object.keys(files), 4)) {
      texts.push('bytes' in outcome ? outcome.bytes.toString() : `error ${outcome.error.message}`);
    }
    expect(texts).toEqual(Object.values(files));
    expect(source.maxInFlight).toBe(4);
  });

  it('turns a failed read into an outcome and goes on', async () => {
    const source = slowSource({ 'a1.tf': 'x = 1\n' });
    const outcomes = [];
    for await (const outcome of readAhead(source, ['a1.tf', 'missing2.tf', 'a1.tf'])) outcomes.push(outcome);
    expect(outcomes.map((o) => ('bytes' in o ? 'ok' : o.error.message))).toEqual([
      'ok',
      'no such file: missing2.tf',
      'ok',
    ]);
  });
});
