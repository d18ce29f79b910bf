import {
  bufferOfShared,
  type FileSource,
  type FolderEntry,
  SharedArena,
  type SharedBytes,
  type SourceEntry,
} from '@plumbline/core';

/**
 * A FileSource that hands the bytes an earlier pass read to the next read of the same path, once.
 * The admission-policy search reads every YAML file of a scan before the engine does, and each
 * read is four system calls (open, stat, read, close), which on a virtual machine cost more than
 * the copy (bench/README.md, tenth session). The engine's reads on this thread take the kept bytes
 * instead. With `shared`, for a run with worker threads, the bytes are kept in shared memory and
 * the engine sends them with the shards it offers (`sharedBytesOf`), so a worker does not open
 * the file again either (fifteenth session); the files rendering reads on this thread stay in
 * plain buffers (`readHere`). Either way, what no read took stays kept until `forget()`, at the
 * end of the engine run.
 */
export class KeptReadsSource implements FileSource {
  private readonly kept = new Map<string, Buffer | SharedBytes>();
  /** Shared memory for the kept bytes, when worker threads may take them. */
  private readonly arena: SharedArena | undefined;
  /** Paths no worker reads (`readHere`): kept in plain buffers even with an arena. */
  private readByThisThread: ReadonlySet<string> = new Set();
  readonly listFolder?: (path: string) => Promise<FolderEntry[]>;
  /** The same files for the earlier pass: what it reads is kept for the next read here. */
  readonly keeping: FileSource;

  constructor(
    private readonly inner: FileSource,
    { shared = false }: { shared?: boolean } = {},
  ) {
    if (inner.listFolder) this.listFolder = (path) => inner.listFolder!(path);
    if (shared) this.arena = new SharedArena();
    this.keeping = {
      name: inner.name,
      warnings: inner.warnings,
      list: () => inner.list(),
      read: async (path) => {
        const bytes = await inner.read(path);
        if (!this.arena || this.readByThisThread.has(path)) {
          this.kept.set(path, bytes);
          return bytes;
        }
        const kept = this.arena.store(bytes);
        this.kept.set(path, kept);
        return bufferOfShared(kept);
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
    const kept = this.kept.get(path);
    if (kept === undefined) return this.inner.read(path);
    this.kept.delete(path);
    return Promise.resolve(Buffer.isBuffer(kept) ? kept : bufferOfShared(kept));
  }

  /** The kept bytes of `path` in shared memory, for a worker; this thread's next read still takes them. */
  sharedBytesOf(path: string): SharedBytes | undefined {
    const kept = this.kept.get(path);
    return kept === undefined || Buffer.isBuffer(kept) ? undefined : kept;
  }

  /**
   * Rendering's files are read on this thread: in the arena they would keep whole shared chunks
   * alive (a chunk lives while any of its files is kept) to the end of the run.
   */
  readHere(paths: ReadonlySet<string>): void {
    this.readByThisThread = paths;
  }

  readerDescription(): ReturnType<NonNullable<FileSource['readerDescription']>> {
    return this.inner.readerDescription?.();
  }

  /** Drops what no read took (the files other threads read). */
  forget(): void {
    this.kept.clear();
  }
}
