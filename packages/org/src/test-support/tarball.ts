import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

/** A raw archive entry, for hostile cases (`../`, absolute names, links, devices). */
export interface RawEntry {
  name: string;
  type?: 'file' | 'symlink' | 'link' | 'character-device' | 'directory';
  content?: string | Buffer;
  linkname?: string;
}

/**
 * A gzip tarball shaped like GitHub's: every file under `<top>/`, preceded by the folder entry,
 * plus raw entries placed exactly as given.
 */
export async function makeTarball(
  top: string,
  files: Record<string, string | Buffer>,
  raw: RawEntry[] = [],
): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  const add = (header: Parameters<tar.Pack['entry']>[0], content?: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      pack.entry(header, content ?? '', (error) => (error ? reject(error) : resolve()));
    });
  await add({ name: `${top}/`, type: 'directory' });
  for (const [path, content] of Object.entries(files))
    await add({ name: `${top}/${path}`, type: 'file' }, content);
  for (const entry of raw) {
    const header: Parameters<tar.Pack['entry']>[0] = { name: entry.name, type: entry.type ?? 'file' };
    if (entry.linkname) header.linkname = entry.linkname;
    await add(header, entry.type === 'file' || !entry.type ? entry.content : undefined);
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}
