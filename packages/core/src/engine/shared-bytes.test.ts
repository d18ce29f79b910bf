import { describe, expect, it } from 'vitest';
import { bufferOfShared, SharedArena } from './shared-bytes.js';

describe('SharedArena', () => {
  it('copies files into shared chunks that grow, a large file into memory of its own', () => {
    const arena = new SharedArena();
    const small = [Buffer.from('kind: ConfigMap\n'), Buffer.from('kind: Secret\n')];
    const [a, b] = small.map((bytes) => arena.store(bytes));
    expect(a!.memory).toBe(b!.memory);
    expect(a!.memory.byteLength).toBe(1024 * 1024);
    expect(b!.offset).toBe(small[0]!.length);
    expect(bufferOfShared(a!).toString()).toBe('kind: ConfigMap\n');
    expect(bufferOfShared(b!).toString()).toBe('kind: Secret\n');
    // What does not fit in the first chunk starts a second one, twice its size.
    const next = arena.store(Buffer.alloc(1024 * 1024 - 10, 'a'));
    expect(next.memory).not.toBe(a!.memory);
    expect(next.memory.byteLength).toBe(2 * 1024 * 1024);
    expect(bufferOfShared(next).every((byte) => byte === 0x61)).toBe(true);
    // Over a quarter of the largest chunk (8 MB): exactly its own size.
    const large = arena.store(Buffer.alloc(3 * 1024 * 1024, 'b'));
    expect([large.memory.byteLength, large.offset, large.length]).toEqual([
      3 * 1024 * 1024,
      0,
      3 * 1024 * 1024,
    ]);
    // The copy is the arena's: changing the bytes read does not change what is kept.
    small[0]!.write('KIND');
    expect(bufferOfShared(a!).toString()).toBe('kind: ConfigMap\n');
  });
});
