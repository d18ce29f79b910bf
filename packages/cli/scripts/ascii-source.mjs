// esbuild escapes non-ASCII in code, not in the comments it keeps (`—`, `→`, `é`). One such
// character makes Node decode a bundle as UTF-8 and V8 hold the whole source as two-byte text;
// with none left it is one-byte text, read on the ASCII (or latin1) path. In a comment, an escape
// is only text. Used by this package's bundle and the Action's.
export function escapeNonAscii(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
