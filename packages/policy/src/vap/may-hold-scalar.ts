/**
 * Could a YAML file hold a scalar equal to `value` (a kind, a name)? The main thread parses only
 * the files that pass, before the engine starts, so this must be cheap and a superset: it may let
 * through files that hold no such scalar, never miss one, however the file spells it.
 *
 * A YAML scalar equal to a simple name is written one of two ways in the bytes:
 * - with escapes of a double-quoted scalar (`\x4e`, `\u004e`, `\U0000004e`, or a backslash before
 *   a line break, which joins two lines without a space): the file passes when decoding every
 *   such escape of the text spells the name over at least one of them. (A shell script's `\`
 *   line continuations in a block scalar, common in workflows and charts, no longer let a file
 *   through unless they join the name itself.)
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
  if (escapesSpell(bytes, value)) return true;
  // Looked at in the bytes, around each occurrence: most files are never decoded.
  const name = value;
  const tags = new TagScan(bytes);
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1))
    if (endsScalar(bytes, at + name.length) && startsScalar(bytes, at, tags)) return true;
  return false;
}

/** Kinds and Kubernetes names: letters, digits, `.`, `_`, `-`. */
const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const BACKSLASH = 0x5c;

/** Looked for in the bytes before decoding: most files with a backslash have none of these. */
const ESCAPE_STARTS = ['\\x', '\\u', '\\U', '\\\n', '\\\r'].map((s) => Buffer.from(s));

/** The escapes that can produce a name's characters: `\xHH`, `\uHHHH`, `\UHHHHHHHH`, and an escaped line break with the next line's indentation. */
const ESCAPE = /\\(?:(?:\r\n?|\n)[ \t]*|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g;

/** A text with its escapes decoded, and where each escape's decoding sits: [start, end) pairs (a joined line: empty). */
interface DecodedEscapes {
  decoded: string;
  decodedAt: number[];
}

/**
 * Each file's escapes decoded once (null: it has none): the search asks several names of the
 * same bytes (both admission kinds, then `Namespace` and params), and decoding is most of the
 * cost for the files that have escapes.
 */
const decodedOnce = new WeakMap<Buffer, DecodedEscapes | null>();

function decodedEscapes(bytes: Buffer): DecodedEscapes | null {
  let known = decodedOnce.get(bytes);
  if (known === undefined) {
    // Every escape starts with a backslash, which most files lack: one search rules them all out.
    const mayHave = bytes.includes(BACKSLASH) && ESCAPE_STARTS.some((start) => bytes.includes(start));
    known = mayHave ? decode(bytes.toString('utf8')) : null;
    decodedOnce.set(bytes, known);
  }
  return known;
}

/**
 * The text with every escape decoded (null: none). Decoding the whole text (not each
 * double-quoted scalar) may decode more than YAML would: a superset. A scalar equal to a name
 * holds no other escape (none produces a name character), so its escapes decode here as YAML
 * decodes them.
 */
function decode(text: string): DecodedEscapes | null {
  let decoded = '';
  const decodedAt: number[] = [];
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    const hex = match[1] ?? match[2] ?? match[3];
    const code = hex === undefined ? 0 : Number.parseInt(hex, 16);
    if (code > 0x10ffff) continue; // not an escape YAML decodes
    decoded += text.slice(last, match.index);
    const char = hex === undefined ? '' : String.fromCodePoint(code);
    decodedAt.push(decoded.length, decoded.length + char.length);
    decoded += char;
    last = match.index + match[0].length;
  }
  if (decodedAt.length === 0) return null;
  return { decoded: decoded + text.slice(last), decodedAt };
}

/**
 * Does `value` occur in the bytes with their escapes decoded, over one of them? An occurrence
 * that touches no escape is found by the byte check.
 */
function escapesSpell(bytes: Buffer, value: string): boolean {
  const escapes = decodedEscapes(bytes);
  if (!escapes) return false;
  const { decoded, decodedAt } = escapes;
  for (let at = decoded.indexOf(value); at >= 0; at = decoded.indexOf(value, at + 1)) {
    // The escapes are in order and apart: only the first that ends after `at` can be under the
    // occurrence (a joined line, empty, must fall inside it), and it is when it starts before its end.
    const first = firstEndingAfter(decodedAt, at);
    if (first >= 0 && decodedAt[first]! < at + value.length) return true;
  }
  return false;
}

/** The index (even) of the first [start, end) pair of `pairs` whose end is after `at`, else -1. */
function firstEndingAfter(pairs: readonly number[], at: number): number {
  let low = 0;
  let high = pairs.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (pairs[2 * middle + 1]! > at) high = middle;
    else low = middle + 1;
  }
  return low < pairs.length / 2 ? 2 * low : -1;
}

const QUOTES = new Set([0x22, 0x27]); // " '
const BLANKS = new Set([0x20, 0x09]);
const BREAKS = new Set([0x0a, 0x0d]);
const WHITESPACE = new Set([...BLANKS, ...BREAKS, 0x0b, 0x0c]);
const AFTER = new Set([...'#,]}:'].map((c) => c.charCodeAt(0)));
const BEFORE = new Set([...':,[{'].map((c) => c.charCodeAt(0)));
/** `- ` and `? `: indicators only when a blank follows. */
const BEFORE_BLANK = new Set([...'-?'].map((c) => c.charCodeAt(0)));
const TAG_OR_ANCHOR = new Set([...'!&'].map((c) => c.charCodeAt(0)));

/** After the name: an optional quote, blanks, then the end of the file or line, a comment or `,]}:`. */
function endsScalar(bytes: Buffer, at: number): boolean {
  let i = at;
  if (QUOTES.has(bytes[i]!)) i++;
  while (BLANKS.has(bytes[i]!)) i++;
  return i >= bytes.length || BREAKS.has(bytes[i]!) || AFTER.has(bytes[i]!);
}

/**
 * Before the name: an optional quote and blanks, then the start of the file or line, `:,[{`,
 * `- `/`? `, or a tag or anchor (`!`, `&` in the text just before, up to whitespace).
 */
function startsScalar(bytes: Buffer, at: number, tags: TagScan): boolean {
  let i = at - 1;
  if (i >= 0 && QUOTES.has(bytes[i]!)) i--;
  let blanks = 0;
  for (; i >= 0 && BLANKS.has(bytes[i]!); i--) blanks++;
  if (i < 0 || BREAKS.has(bytes[i]!) || BEFORE.has(bytes[i]!)) return true;
  if (blanks > 0 && BEFORE_BLANK.has(bytes[i]!)) return true;
  return tags.before(i);
}

/**
 * Is there a `!` or `&` in the text without whitespace that ends at a position? Positions come in
 * increasing order and each run is scanned once, so a long line of occurrences stays linear.
 */
class TagScan {
  private end = -1;
  private found = false;

  constructor(private readonly bytes: Buffer) {}

  before(from: number): boolean {
    if (from <= this.end) this.end = -1;
    let found = false;
    let i = from;
    for (; i > this.end && i >= 0 && !WHITESPACE.has(this.bytes[i]!); i--)
      if (TAG_OR_ANCHOR.has(this.bytes[i]!)) found = true;
    // Reached the last scanned position within the same run: what lies before it is known.
    if (i === this.end && i >= 0 && !WHITESPACE.has(this.bytes[i]!)) found ||= this.found;
    this.end = from;
    this.found = found;
    return found;
  }
}
