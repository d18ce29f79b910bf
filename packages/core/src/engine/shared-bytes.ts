/**
 * A file's bytes that one thread read into shared memory, for a worker thread to take instead of
 * reading the file again: the CLI's admission search reads every YAML file on the main thread
 * before the workers check them (see pool/README.md).
 */
export interface SharedBytes {
  memory: SharedArrayBuffer;
  offset: number;
  length: number;
}

/** A view of shared bytes, no copy: for reading only, as every thread holding it sees a write. */
export function bufferOfShared(shared: SharedBytes): Buffer {
  return Buffer.from(shared.memory, shared.offset, shared.length);
}

/** The first chunk's size; each next one doubles, up to `MAX_CHUNK` (small scans stay small). */
const FIRST_CHUNK = 1024 * 1024;
const MAX_CHUNK = 8 * 1024 * 1024;

/**
 * Shared memory filled chunk after chunk and never freed piecemeal: a chunk lives while a thread
 * holds a view of it, so the arena is for what one run keeps. Chunks, not one memory per file:
 * thousands of small shared memories cost more to make and to send than the copy.
 */
export class SharedArena {
  private chunk: SharedArrayBuffer | undefined;
  private used = 0;
  private nextSize = FIRST_CHUNK;

  /** A copy of `bytes` in shared memory. */
  store(bytes: Uint8Array): SharedBytes {
    const length = bytes.length;
    // A file larger than a quarter of a chunk gets its own memory: chunks are not left half empty.
    if (length > MAX_CHUNK / 4) return copied(bytes, new SharedArrayBuffer(length), 0);
    if (!this.chunk || this.used + length > this.chunk.byteLength) {
      this.chunk = new SharedArrayBuffer(Math.max(this.nextSize, length));
      this.nextSize = Math.min(MAX_CHUNK, this.nextSize * 2);
      this.used = 0;
    }
    const shared = copied(bytes, this.chunk, this.used);
    this.used += length;
    return shared;
  }
}

function copied(bytes: Uint8Array, memory: SharedArrayBuffer, offset: number): SharedBytes {
  new Uint8Array(memory, offset, bytes.length).set(bytes);
  return { memory, offset, length: bytes.length };
}
