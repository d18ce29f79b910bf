import type { FileSource, FolderEntry, Language, SourceEntry } from '@plumbline/core';

/**
 * A FileSource that walks its folder once and replays the listing: the CLI looks at the file
 * names first (which languages are needed), then the engine lists the same files again. Only the
 * paths `scanned` keeps are listed (what config `ignore`, `--include` and `--exclude` leave of
 * the scan); reading and `listFolder` are the inner source's, unchanged.
 */
export class ListedOnceSource implements FileSource {
  private entries: Promise<SourceEntry[]> | undefined;
  readonly listFolder?: (path: string) => Promise<FolderEntry[]>;

  constructor(
    private readonly inner: FileSource,
    private readonly scanned: (path: string) => boolean = () => true,
  ) {
    if (inner.listFolder) this.listFolder = (path) => inner.listFolder!(path);
  }

  get name(): string {
    return this.inner.name;
  }

  get warnings(): FileSource['warnings'] {
    return this.inner.warnings;
  }

  /** The listing, walked on the first call; `observe` (first call only) sees each entry as it is listed. */
  listing(observe?: (entry: SourceEntry) => void): Promise<SourceEntry[]> {
    this.entries ??= (async () => {
      const out: SourceEntry[] = [];
      for await (const entry of this.inner.list())
        if (this.scanned(entry.path)) {
          out.push(entry);
          observe?.(entry);
        }
      return out;
    })();
    return this.entries;
  }

  async *list(): AsyncIterable<SourceEntry> {
    yield* await this.listing();
  }

  read(path: string): Promise<Buffer> {
    return this.inner.read(path);
  }

  /** How a worker thread opens the same files (see the engine's pool): the inner source's. */
  readerDescription(): ReturnType<NonNullable<FileSource['readerDescription']>> {
    return this.inner.readerDescription?.();
  }
}

/**
 * The languages that claim at least one listed path, in their order: the engine initialises
 * (loads the tree-sitter grammar of) every language it is given, so a scan without Terraform
 * never compiles the HCL grammar, and one without Dockerfiles never the bash grammar. The first
 * claiming language of each path is kept, so every file is parsed as before.
 */
export function languagesFor(languages: readonly Language[], entries: readonly SourceEntry[]): Language[] {
  return languages.filter((language) => entries.some((entry) => language.claims(entry.path)));
}
