/** Shell quote removal, the same for both readers. */

/** An unquoted word's value: a backslash keeps the next character (a line break excepted). */
export function unescapeWord(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\(.)/g, '$1') : raw;
}

/** The value of a double-quoted string's inside: a backslash escapes only `$`, `` ` ``, `"`, `\` and a line break. */
export function unescapeDoubleQuoted(inner: string): string {
  return inner.includes('\\') ? inner.replace(/\\([$`"\\\n])/g, '$1') : inner;
}
