import type { FileSource, FolderEntry, SourceEntry } from '@plumbline/core';

/**
 * A FileSource that hands the bytes an earlier pass read to the next read of the same path, once.
 * The admission-policy search reads every YAML file of a scan before the engine does, and each
 * read is four system calls (open, stat, read, close), which on a virtual machine cost more than
 * the copy (bench/README.md, tenth session). The engine's reads on this thread take the kept bytes
 * instead; worker threads open the files themselves, so what only they read stays kept until
 * `forget()`, at the end of the engine run.
 */
export class KeptReadsSource implements FileSource {
  private readonly kept = new Map<string, Buffer>();
  readonly listFolder?: (path: string) => Promise<FolderEntry[]>;
  /** The same files for the earlier pass: what it reads is kept for the next read here. */
  readonly keeping: FileSource;

  constructor(private readonly inner: FileSource) {
    if (inner.listFolder) this.listFolder = (path) => inner.listFolder!(path);
    this.keeping = {
      name: inner.name,
      warnings: inner.warnings,
      list: () => inner.list(),
      read: async (path) => {
        const bytes = await inner.read(path);
        this.kept.set(path, bytes);
        return bytes;
      },
    };
  }

  get name(): string {
    return this.inner.name;
  }

  get warnings(): FileSource['warnings'] {
    return this.inner.warnings;
  }

  list(): AsyncIterable<SourceEntry> {
    return this.inner.list();
  }

  read(path: string): Promise<Buffer> {
    const bytes = this.kept.get(path);
    if (bytes === undefined) return this.inner.read(path);
    this.kept.delete(path);
    return Promise.resolve(bytes);
  }

  readerDescription(): ReturnType<NonNullable<FileSource['readerDescription']>> {
    return this.inner.readerDescription?.();
  }

  /** Drops what no read took (the files other threads read). */
  forget(): void {
    this.kept.clear();
  }
}
