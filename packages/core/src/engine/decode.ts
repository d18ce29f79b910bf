/** The text of a file's bytes, or why it is not text. */
export type Decoded = { text: string } | { binary: string };

/**
 * Decodes a file: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM (Windows editors write
 * them), and anything else with NUL bytes in its first 8000 bytes is binary.
 */
export function decodeText(bytes: Buffer): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'be');
  if (hasNulBytes(bytes)) return { binary: 'skipped: binary content (NUL bytes)' };
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/**
 * The UTF-8 bytes of the text `decodeText` would read (a UTF-8 file's own bytes, not decoded;
 * UTF-16 re-encoded), or undefined when it is binary: for byte-level filters that must see what a
 * language will parse.
 */
export function utf8BytesOf(bytes: Buffer): Buffer | undefined {
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!isUtf16) return hasNulBytes(bytes) ? undefined : bytes;
  const decoded = decodeText(bytes);
  return 'text' in decoded ? Buffer.from(decoded.text) : undefined;
}

function hasNulBytes(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

function utf16(body: Buffer, order: 'le' | 'be'): Decoded {
  if (body.length % 2 !== 0) return { binary: 'skipped: UTF-16 byte order mark but an odd number of bytes' };
  const le = order === 'le' ? body : Buffer.from(body).swap16();
  const text = le.toString('utf16le');
  // NUL characters are no more text in UTF-16 than in UTF-8.
  if (text.slice(0, 4000).includes('\u0000')) return { binary: 'skipped: binary content (NUL characters)' };
  return { text };
}
