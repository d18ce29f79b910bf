import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { compareWalkOrder, type FileSource, type SourceEntry } from '@plumbline/core';
import tar from 'tar-stream';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REPOSITORY_BYTES = 200 * 1024 * 1024;

export interface TarballOptions {
  /** Paths (relative to the repository root) worth keeping; everything else is skipped unread. */
  keep: (path: string) => boolean;
  /** A kept file larger than this is listed but not held: reading it fails with the reason. */
  maxFileBytes?: number;
  /** Uncompressed bytes of the whole archive; past this the repository fails (also stops gzip bombs). */
  maxRepositoryBytes?: number;
  /** GitHub's tarballs put everything under `owner-repo-sha/`; drop that first folder. */
  stripTopFolder?: boolean;
  name?: string;
}

/** Why an archive could not be read: the repository is recorded as failed with this reason. */
export class TarballError extends Error {
  override readonly name = 'TarballError';
}

interface Held {
  size: number;
  content?: Buffer;
  refused?: string;
}

/**
 * A repository read from a gzip tar stream into memory. Only files the scanner would claim are
 * kept; links, devices and entries whose path is absolute or climbs with `..` are never
 * materialised (there is no disk to write to and nothing is followed), only noted in `warnings`.
 */
export class TarballFileSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  /** Uncompressed bytes seen, kept or not. */
  totalBytes = 0;
  private readonly files = new Map<string, Held>();

  private constructor(readonly name: string) {}

  static async fromStream(stream: Readable, options: TarballOptions): Promise<TarballFileSource> {
    const source = new TarballFileSource(options.name ?? '.');
    await source.consume(stream, options);
    return source;
  }

  async *list(): AsyncIterable<SourceEntry> {
    for (const path of [...this.files.keys()].sort(compareWalkOrder))
      yield { path, size: this.files.get(path)!.size };
  }

  async read(path: string): Promise<Buffer> {
    const held = this.files.get(path);
    if (!held) throw new Error(`no such file in the archive: ${path}`);
    if (held.refused || !held.content) throw new Error(held.refused ?? 'not held');
    return held.content;
  }

  /** Kept files with their bytes, for handing to a worker thread (refused files are left out). */
  entries(): { path: string; content: Uint8Array }[] {
    return [...this.files]
      .filter(([, held]) => held.content)
      .map(([path, held]) => ({ path, content: held.content! }));
  }

  /** Files that were kept by name but refused (over the per-file cap), with the reason. */
  refused(): { path: string; size: number; message: string }[] {
    return [...this.files]
      .filter(([, held]) => held.refused)
      .map(([path, held]) => ({ path, size: held.size, message: held.refused! }));
  }

  private async consume(stream: Readable, options: TarballOptions): Promise<void> {
    const maxFile = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const maxRepository = options.maxRepositoryBytes ?? DEFAULT_MAX_REPOSITORY_BYTES;
    const strip = options.stripTopFolder ?? true;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.totalBytes += chunk.length;
        if (this.totalBytes > maxRepository) {
          done(
            new TarballError(
              `repository archive is over the ${formatBytes(maxRepository)} cap (uncompressed); raise --max-repo-bytes to scan it`,
            ),
          );
        } else done(null, chunk);
      },
    });
    const extract = tar.extract();
    const reading = (async () => {
      for await (const entry of extract) {
        const header = entry.header;
        const path = safePath(header.name, strip);
        const type = header.type ?? 'file';
        if (type === 'directory' || path === '') {
          entry.resume();
          continue;
        }
        if (path === undefined) {
          this.warnings.push({
            path: header.name,
            message: 'unsafe path in archive (absolute or with ..): not read',
          });
          entry.resume();
          continue;
        }
        if (type !== 'file' && type !== 'contiguous-file') {
          if (options.keep(path))
            this.warnings.push({ path, message: `${type} in archive: not followed, not scanned` });
          entry.resume();
          continue;
        }
        if (!options.keep(path)) {
          entry.resume();
          continue;
        }
        const size = header.size ?? 0;
        if (size > maxFile) {
          this.files.set(path, {
            size,
            refused: `${formatBytes(size)} is over the per-file cap of ${formatBytes(maxFile)} (--max-file-bytes)`,
          });
          entry.resume();
          continue;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        this.files.set(path, { size, content: Buffer.concat(chunks) });
      }
    })();
    try {
      await Promise.all([pipeline(stream, createGunzip(), counter, extract), reading]);
    } catch (error) {
      stream.destroy();
      if (error instanceof TarballError) throw error;
      const message = (error as Error).message;
      if (/unexpected end|premature close|truncated/i.test(message))
        throw new TarballError(`truncated archive: ${message}`);
      throw new TarballError(`unreadable archive: ${message}`);
    }
  }
}

/**
 * The entry's path inside the repository, posix, or `undefined` when it is unsafe: absolute,
 * a drive letter, a backslash, a NUL, or a `..` segment anywhere. `''` for the top folder itself.
 */
export function safePath(name: string, stripTopFolder: boolean): string | undefined {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.includes('\0'))
    return undefined;
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  return (stripTopFolder ? segments.slice(1) : segments).join('/');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}
