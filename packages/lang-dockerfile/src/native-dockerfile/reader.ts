import type { Loc, SourceFile } from '@plumbline/core';
import type { Word } from '../model.js';
import type { ReadDirective, ReadDockerfile, ReadInstruction } from '../read-dockerfile.js';
import { flagsOf } from './flags.js';
import { jsonStringsOf } from './json-strings.js';
import { propertiesOf } from './properties.js';

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const HASH = 35;
const BACKSLASH = 92;
const LESS = 60;

const JSON_CAPABLE = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'ADD', 'COPY']);

/** Thrown to stop reading: the reason the file is left to dockerfile-ast. */
class GiveUp {
  constructor(readonly reason: string) {}
}

/**
 * Reads a Dockerfile into what dockerfile-ast would give `parse.ts` (`readWithDockerfileAst`), in
 * one pass over the text; or returns why it gives up (the file is then read with dockerfile-ast).
 */
export function readNativeDockerfile(file: SourceFile): ReadDockerfile | string {
  const { text } = file;
  // Carriage returns make more line ends for dockerfile-ast than for SourceFile; a byte order
  // mark and any escape directive change what the characters mean.
  if (text.includes('\r')) return 'carriage return';
  if (text.includes('\uFEFF')) return 'byte order mark';
  try {
    return new Reader(file).read();
  } catch (e) {
    if (e instanceof GiveUp) return e.reason;
    throw e;
  }
}

class Reader {
  readonly text: string;
  readonly directives: ReadDirective[] = [];
  readonly comments: Loc[] = [];
  readonly instructions: ReadInstruction[] = [];
  pos = 0;

  constructor(readonly file: SourceFile) {
    this.text = file.text;
  }

  loc(start: number, end: number): Loc {
    return { file: this.file, start, end };
  }

  lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at);
    return nl === -1 ? this.text.length : nl;
  }

  /** The first character at or after `at` that is not a space or a tab. */
  skipBlanks(at: number): number {
    const { text } = this;
    let p = at;
    for (let c = text.charCodeAt(p); c === SPACE || c === TAB; c = text.charCodeAt(++p));
    return p;
  }

  read(): ReadDockerfile {
    this.readDirectives();
    const { text } = this;
    while (this.pos < text.length) {
      const p = this.skipBlanks(this.pos);
      if (p >= text.length) break;
      const c = text.charCodeAt(p);
      if (c === NEWLINE) this.pos = p + 1;
      else if (c === HASH) {
        const end = this.lineEnd(p);
        this.comments.push(this.loc(p, end));
        this.pos = end + 1;
      } else this.instructions.push(this.readInstruction(p));
    }
    return {
      escape: '\\',
      directives: this.directives,
      comments: this.comments,
      instructions: this.instructions,
    };
  }

  /**
   * Directive lines at the very top, as dockerfile-ast reads them: `# name=value`, the name the
   * first word after `#`, the value the first word after `=` (the whole line is the directive).
   * The first line without `=`, blank, or with blanks after the value ends them.
   */
  readDirectives(): void {
    const { text } = this;
    for (;;) {
      const hash = this.skipBlanks(this.pos);
      if (text.charCodeAt(hash) !== HASH) return;
      const end = this.lineEnd(hash);
      // `parse.ts` hides the last character of a line ending in `\\` from dockerfile-ast, a
      // directive's value included.
      const escapeAt = text.indexOf('\\', hash);
      if (escapeAt !== -1 && escapeAt < end) throw new GiveUp('an escape in a parser directive line');
      const eq = text.indexOf('=', hash);
      if (eq === -1 || eq > end) return;
      const nameStart = this.skipBlanks(hash + 1);
      if (nameStart === eq) return;
      let nameEnd = nameStart;
      for (
        let c = text.charCodeAt(nameEnd);
        nameEnd < eq && c !== SPACE && c !== TAB;
        c = text.charCodeAt(++nameEnd)
      );
      const name = text.slice(nameStart, nameEnd);
      if (name.toLowerCase() === 'escape') throw new GiveUp('the `escape` parser directive');
      let valueStart = this.skipBlanks(eq + 1);
      let valueEnd: number;
      if (valueStart >= end) {
        valueStart = eq + 1;
        valueEnd = end;
      } else {
        valueEnd = valueStart;
        for (
          let c = text.charCodeAt(valueEnd);
          valueEnd < end && c !== SPACE && c !== TAB;
          c = text.charCodeAt(++valueEnd)
        );
      }
      this.directives.push({
        name,
        value: text.slice(valueStart, valueEnd),
        valueLoc: this.loc(valueStart, valueEnd),
        loc: this.loc(hash, end),
      });
      this.pos = end + 1;
      if (valueEnd < end) {
        // dockerfile-ast goes on reading directives from the end of the value: blanks to the line's
        // end stop it; another `#` there would start a directive on the same line.
        if (this.skipBlanks(valueEnd) < end) throw new GiveUp('text after a parser directive value');
        return;
      }
    }
  }

  /** One instruction from its keyword at `start`, across line continuations; moves past its last line. */
  readInstruction(start: number): ReadInstruction {
    const { text } = this;
    let k = start;
    for (let c = text.charCodeAt(k); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = text.charCodeAt(++k));
    const after = text.charCodeAt(k);
    if (k === start || !(k >= text.length || after === SPACE || after === TAB || after === NEWLINE))
      throw new GiveUp('an unusual keyword');
    const instruction = text.slice(start, k);
    const keyword = instruction.toUpperCase();
    if (keyword === 'ONBUILD') throw new GiveUp('ONBUILD');
    const words: Word[] = [];
    // Comment or empty lines between continued lines (a JSON form is not read across them).
    let linesBetween = false;
    let wordStart = -1;
    // The word being read holds an escaped character (`\"`), the instruction any.
    let wordEscapes = false;
    let escapes = false;
    let endedAtEscape = false;
    let continuedLine = -1;
    let lineStartsWithEscapes = false;
    const endWord = (at: number) => {
      if (wordStart < 0) return;
      const raw = text.slice(wordStart, at);
      words.push({ value: wordEscapes ? unescapeWord(raw) : raw, loc: this.loc(wordStart, at) });
      wordStart = -1;
      wordEscapes = false;
    };
    let cur = k;
    let end: number;
    for (;;) {
      const c = text.charCodeAt(cur);
      if (cur >= text.length || c === NEWLINE) {
        endWord(cur);
        end = cur;
        this.pos = cur + 1;
        break;
      }
      if (c === SPACE || c === TAB) {
        endWord(cur);
        cur++;
      } else if (c === BACKSLASH) {
        const next = text.charCodeAt(cur + 1);
        if (next === SPACE || next === TAB || next === NEWLINE) {
          // dockerfile-ast ends a word written right before an escape (`a\`) at the next line's
          // text; an escape-only line in between can move the word's end to its own escape.
          if (endedAtEscape) throw new GiveUp('an escape-only line after a word and a line continuation');
          endedAtEscape = wordStart >= 0;
          const escapeAt = cur;
          cur = this.continuation(cur, wordStart >= 0);
          continuedLine = cur;
          lineStartsWithEscapes = true;
          // The word ends at the escape (the next line starts with blanks: `continuation` checks).
          endWord(escapeAt);
          if (this.sawLinesBetween) linesBetween = true;
        } else {
          if (cur + 1 >= text.length) throw new GiveUp('an escape at the end of the file');
          // `\<<` is a word `<<` to dockerfile-ast's heredoc search.
          if (next === LESS) throw new GiveUp('a heredoc marker `<<` (or `<` and a line continuation)');
          // dockerfile-ast's parser takes `\#` (or `\\#`, ...) starting a continued line for a
          // comment as well (`\(` is common there, and read alike).
          if (
            continuedLine >= 0 &&
            this.skipBlanks(continuedLine) === cur &&
            /^\\+#/.test(text.slice(cur, cur + 8))
          )
            throw new GiveUp('an escaped `#` starting a continued line');
          if (next === BACKSLASH) {
            // dockerfile-ast's parser reads the second escape of `\\` as an escape again: before a
            // blank, a line break or a third escape it ends or continues the instruction elsewhere
            // (and `parse.ts` hides `\\` at a line's end from it, as BuildKit reads it).
            const after = text.charCodeAt(cur + 2);
            if (
              cur + 2 >= text.length ||
              after === SPACE ||
              after === TAB ||
              after === NEWLINE ||
              after === BACKSLASH
            )
              throw new GiveUp('an escaped escape before a blank, a line break or an escape');
          }
          if (wordStart < 0) wordStart = cur;
          endedAtEscape = false;
          wordEscapes = true;
          escapes = true;
          cur += 2;
        }
      } else {
        if (c === LESS && (text.charCodeAt(cur + 1) === LESS || text.charCodeAt(cur + 1) === BACKSLASH))
          throw new GiveUp('a heredoc marker `<<` (or `<` and a line continuation)');
        // dockerfile-ast's argument split takes a `#` after only escaped characters (`\( #x`) on a
        // continued line for a comment; its parser does not.
        if (c === HASH && lineStartsWithEscapes && continuedLine >= 0)
          throw new GiveUp('a `#` after escaped characters starting a continued line');
        lineStartsWithEscapes = false;
        if (wordStart < 0) wordStart = cur;
        endedAtEscape = false;
        cur++;
      }
    }
    // Flags, properties and JSON strings are read from the raw text by dockerfile-ast: with
    // escapes, its own rules apply.
    const flags = flagsOf(keyword, words);
    if (typeof flags === 'string') throw new GiveUp(flags);
    if (escapes && flags.some((f) => text.slice(f.loc.start, f.loc.end).includes('\\')))
      throw new GiveUp('an escaped character in a flag');
    const args = flags.length > 0 ? words.slice(flags.length) : words;
    const properties = propertiesOf(keyword, args, this.file, escapes);
    if (typeof properties === 'string') throw new GiveUp(properties);
    let json: Loc[] = [];
    if (JSON_CAPABLE.has(keyword) && args.length > 0 && args[0]!.value.startsWith('[')) {
      if (linesBetween) throw new GiveUp('a JSON form across comment or empty lines');
      if (escapes) throw new GiveUp('an escaped character in a JSON form');
      const strings = jsonStringsOf(this.file, args[0]!.loc.start, end);
      if (typeof strings === 'string') throw new GiveUp(strings);
      json = strings;
    }
    return {
      instruction,
      loc: this.loc(start, end),
      keywordLoc: this.loc(start, k),
      flags,
      args,
      properties,
      jsonStrings: () => json,
      heredocs: () => [],
      trigger: () => undefined,
    };
  }

  sawLinesBetween = false;

  /**
   * A line continuation at `at` (the escape, blanks, a line break), the comment and empty lines
   * after it (comments recorded): the offset of the next line that goes on with the instruction.
   */
  continuation(at: number, inWord: boolean): number {
    const { text } = this;
    let p = this.skipBlanks(at + 1);
    if (p >= text.length) throw new GiveUp('an escape at the end of the file');
    if (text.charCodeAt(p) !== NEWLINE) throw new GiveUp('an escape that is not a line continuation');
    this.sawLinesBetween = false;
    for (;;) {
      p++;
      if (p >= text.length) throw new GiveUp('a line continuation at the end of the file');
      const q = this.skipBlanks(p);
      if (q >= text.length) throw new GiveUp('a line continuation at the end of the file');
      const c = text.charCodeAt(q);
      if (c === NEWLINE) {
        this.sawLinesBetween = true;
        p = q;
      } else if (c === HASH) {
        this.sawLinesBetween = true;
        p = this.lineEnd(q);
        // dockerfile-ast reads escapes inside such a comment into the arguments, except one
        // ending the line (a commented-out continued line, `#  --with-pam \\`): that one only
        // keeps a word written right before an earlier escape from being joined, if there is one.
        const escapeAt = text.indexOf('\\', q);
        if (escapeAt !== -1 && escapeAt < p && (escapeAt !== p - 1 || inWord))
          throw new GiveUp('an escape in a comment between continued lines');
        this.comments.push(this.loc(q, p));
        if (p >= text.length) throw new GiveUp('a line continuation at the end of the file');
      } else {
        // dockerfile-ast joins `a\` and `b` on the next line into one word `ab`.
        if (inWord && q === p) throw new GiveUp('a word continued on the next line');
        // A line of blanks and an escape (`\t\t\\`) goes on to the next line: the main loop reads
        // its escape as one more continuation.
        return p;
      }
    }
  }
}

/**
 * A word's value as dockerfile-ast gives it: an escaped character stands for itself, but `\$`
 * stays as written (it keeps a variable from being substituted).
 */
function unescapeWord(raw: string): string {
  return raw.replace(/\\([\s\S])/g, (m, c: string) => (c === '$' ? m : c));
}
