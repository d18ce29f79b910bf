import type { FolderEntry } from '../../model/domain.js';
import type { FileSource, SourceEntry } from '../file-source.js';

/**
 * A shard's view of a source: lists the entries the main thread discovered for it, reads through
 * the underlying source (with its boundaries). Listing warnings belong to the main listing.
 */
export class ShardSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  readonly listFolder?: (path: string) => Promise<FolderEntry[]>;

  constructor(
    private readonly source: FileSource,
    private readonly entries: readonly SourceEntry[],
  ) {
    if (source.listFolder) this.listFolder = (path) => source.listFolder!(path);
  }

  get name(): string {
    return this.source.name;
  }

  async *list(): AsyncIterable<SourceEntry> {
    yield* this.entries;
  }

  read(path: string): Promise<Buffer> {
    return this.source.read(path);
  }
}
