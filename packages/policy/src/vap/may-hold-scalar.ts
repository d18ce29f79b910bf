/**
 * Could a YAML file hold a scalar equal to `value` (a kind, a name)? The main thread parses only
 * the files that pass, before the engine starts, so this must be cheap and a superset: it may let
 * through files that hold no such scalar, never miss one, however the file spells it.
 *
 * A YAML scalar equal to a simple name is written one of two ways in the bytes:
 * - with an escape of a double-quoted scalar that can produce one of its characters (`\x4e`,
 *   `\u004e`, `\U0000004e`) or join two lines without a space (a backslash before a line break):
 *   any such escape lets the file through;
 * - else the name whole, as the scalar: after the start of a line, an indicator (`:`, `,`, `[`,
 *   `{`, `- `, `? `), a tag or an anchor, and an optional quote; before an optional quote and the
 *   end of the line, a comment or `,` `]` `}` `:`. Prose that mentions the name ("the Namespace
 *   of ...") does not pass; block scalars, flow, JSON, quoted, tagged and anchored values do.
 * Folded lines of plain, quoted and block scalars join with a space, so they cannot spell a name
 * without one; `!!binary` (YAML 1.1) decodes to bytes, not a string.
 */
export function mayHoldScalar(bytes: Buffer, value: string): boolean {
  // A name with quotes, spaces or other signs has more spellings (`'it''s'`): never filter on it.
  if (!SIMPLE.test(value)) return true;
  if (bytes.includes('\\') && hasSpellingEscape(bytes.toString('utf8'), value)) return true;
  if (!bytes.includes(value)) return false;
  return wholeScalar(value).test(bytes.toString('utf8'));
}

/** Kinds and Kubernetes names: letters, digits, `.`, `_`, `-`. */
const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const ESCAPE = /\\(?:\r|\n|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g;

function hasSpellingEscape(text: string, value: string): boolean {
  for (const match of text.matchAll(ESCAPE)) {
    const hex = match[1] ?? match[2] ?? match[3];
    if (hex === undefined) return true; // an escaped line break
    const code = Number.parseInt(hex, 16);
    if (code <= 0x10ffff && value.includes(String.fromCodePoint(code))) return true;
  }
  return false;
}

const patterns = new Map<string, RegExp>();

function wholeScalar(value: string): RegExp {
  let pattern = patterns.get(value);
  if (!pattern) {
    const name = value.replace(/[.]/g, '\\.');
    pattern = new RegExp(
      `(?:^|[:,[{]|[?-][ \\t]|[!&]\\S*)[ \\t]*["']?${name}["']?[ \\t]*(?:$|[#,\\]}:])`,
      'm',
    );
    patterns.set(value, pattern);
  }
  return pattern;
}
