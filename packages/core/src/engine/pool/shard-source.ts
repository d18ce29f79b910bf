import type { FolderEntry } from '../../model/domain.js';
import type { FileSource, SourceEntry } from '../file-source.js';
import { bufferOfShared, type SharedBytes } from '../shared-bytes.js';
import type { OfferedEntry } from './protocol.js';

/**
 * A shard's view of a source: lists the entries the main thread discovered for it, reads through
 * the underlying source (with its boundaries), except the files whose bytes came with the shard
 * (read by the main thread already, in shared memory), each taken once. Listing warnings belong
 * to the main listing.
 */
export class ShardSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  readonly listFolder?: (path: string) => Promise<FolderEntry[]>;
  private readonly shared = new Map<string, SharedBytes>();

  constructor(
    private readonly source: FileSource,
    private readonly entries: readonly OfferedEntry[],
  ) {
    if (source.listFolder) this.listFolder = (path) => source.listFolder!(path);
    for (const entry of entries) if (entry.shared) this.shared.set(entry.path, entry.shared);
  }

  get name(): string {
    return this.source.name;
  }

  async *list(): AsyncIterable<SourceEntry> {
    for (const entry of this.entries) {
      if (!entry.shared) yield entry;
      else {
        const { shared: _, ...listed } = entry;
        yield listed;
      }
    }
  }

  read(path: string): Promise<Buffer> {
    const shared = this.shared.get(path);
    if (shared === undefined) return this.source.read(path);
    this.shared.delete(path);
    return Promise.resolve(bufferOfShared(shared));
  }
}
