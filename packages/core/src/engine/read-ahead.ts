import type { FileSource } from './file-source.js';

/** A file's bytes, or why it could not be read. */
export type ReadOutcome = { bytes: Buffer } | { error: Error };

/**
 * Reads `paths` through the source in order, keeping up to `window` reads in flight, so the disk
 * (or a tarball, or a remote) works while the caller parses the file before. A source's read is
 * several round trips (realpath, open, stat, read, close); awaited one by one they left the
 * thread idle for about as long as parsing took.
 */
export async function* readAhead(
  source: FileSource,
  paths: readonly string[],
  window = 16,
): AsyncGenerator<ReadOutcome> {
  const pending: Promise<ReadOutcome>[] = [];
  let next = 0;
  const start = () => {
    const path = paths[next++]!;
    pending.push(
      source.read(path).then(
        (bytes) => ({ bytes }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
    );
  };
  while (next < paths.length && pending.length < window) start();
  while (pending.length > 0) {
    const outcome = await pending.shift()!;
    if (next < paths.length) start();
    yield outcome;
  }
}
