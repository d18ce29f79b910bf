import type { SourceFile } from '@plumbline/core';
import type { Property, Word } from '../model.js';
import { unquoteDocker } from '../unquote.js';

/**
 * The properties of ENV, LABEL and ARG from their words, as dockerfile-ast reads them (values
 * unquoted as `parse.ts` unquotes them): `name=value`, `name="a b"` over several words on one
 * line, `name` alone, and the legacy `ENV name value words`. A reason to give up on any other
 * quoting (quotes inside a value or a name, a quote left open, a quoted legacy value), an empty
 * name, the legacy form over several lines, and ARG words that dockerfile-ast reads oddly
 * (`ARG A B=1` is one property `A` of value `B=1`).
 */
export function propertiesOf(
  keyword: string,
  args: readonly Word[],
  file: SourceFile,
  escapes: boolean,
): Property[] | string {
  if (keyword !== 'ENV' && keyword !== 'LABEL' && keyword !== 'ARG') return [];
  const out: Property[] = [];
  if (args.length === 0) return out;
  const first = args[0]!;
  // Escaped characters only in a legacy value on one line (`ENV GOPATH C:\\go`, Windows images).
  if (
    escapes &&
    (first.value.includes('=') ||
      args.length < 2 ||
      file.text.slice(first.loc.start, first.loc.end).includes('\\'))
  )
    return 'an escaped character in ENV, LABEL or ARG';
  if (!first.value.includes('=')) {
    if (hasQuote(first.value, 0, first.value.length)) return 'a quoted property name';
    if (args.length === 1) {
      out.push({
        name: first.value,
        nameLoc: { ...first.loc },
        value: undefined,
        valueLoc: undefined,
        loc: { ...first.loc },
      });
      return out;
    }
    if (keyword === 'ARG') return 'ARG with a name and more words';
    // Legacy `ENV NAME value words`: the value is the rest of the instruction as written.
    const from = args[1]!.loc.start;
    const to = args[args.length - 1]!.loc.end;
    const raw = file.text.slice(from, to);
    if (hasQuote(raw, 0, raw.length)) return 'a quoted legacy ENV or LABEL value';
    if (escapes && raw.includes('\n')) return 'an escaped character in ENV, LABEL or ARG';
    // dockerfile-ast's legacy value takes every escaped character for itself (`\$` too), and
    // `parse.ts` unquotes that value once more (`C:\\go` → `C:\go` → `C:go`).
    const value = escapes
      ? unquoteDocker(raw.replace(/\\([\s\S])/g, '$1'), '\\')
      : raw.includes('\n')
        ? joinLines(raw)
        : raw;
    if (value === undefined)
      return 'a blank, indented or escaped comment line in a legacy ENV or LABEL value';
    out.push({
      name: first.value,
      nameLoc: { ...first.loc },
      value,
      valueLoc: { file, start: from, end: to },
      loc: { file, start: first.loc.start, end: to },
    });
    return out;
  }
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const { value: text, loc } = word;
    const eq = text.indexOf('=');
    if (eq === -1) {
      if (keyword === 'ARG') return 'ARG with a word without `=`';
      if (hasQuote(text, 0, text.length)) return 'a quoted property name';
      out.push({ name: text, nameLoc: { ...loc }, value: undefined, valueLoc: undefined, loc: { ...loc } });
      continue;
    }
    if (eq === 0) return 'an empty property name';
    if (hasQuote(text, 0, eq)) return 'a quoted property name';
    const name = text.slice(0, eq);
    const nameLoc = { file, start: loc.start, end: loc.start + eq };
    const valueStart = loc.start + eq + 1;
    const quote = text[eq + 1];
    if (quote !== '"' && quote !== "'") {
      if (hasQuote(text, eq + 1, text.length)) return 'a quote inside a property value';
      const valueLoc = { file, start: valueStart, end: loc.end };
      out.push({ name, nameLoc, value: text.slice(eq + 1), valueLoc, loc: { ...loc } });
      continue;
    }
    // A quoted value: it ends with the word whose last character is the closing quote, maybe a
    // later word on the same line (`A="x  y"`); no other quote in between.
    let last = i;
    let from = eq + 2;
    for (;;) {
      const w = args[last]!.value;
      const close = firstQuote(w, from);
      if (close !== -1) {
        if (close !== w.length - 1 || w[close] !== quote) return 'a quote inside a property value';
        break;
      }
      last++;
      from = 0;
      if (last >= args.length) return 'a property value with its quote left open';
    }
    const end = args[last]!.loc.end;
    const value = file.text.slice(valueStart + 1, end - 1);
    if (value.includes('\n')) return 'a quoted property value over several lines';
    out.push({
      name,
      nameLoc,
      value,
      valueLoc: { file, start: valueStart, end },
      loc: { file, start: loc.start, end },
    });
    i = last;
  }
  return out;
}

/**
 * A legacy value over several lines as dockerfile-ast gives it: each line continuation (escape,
 * blanks, line break) and the empty and comment lines after it taken out, the next line's
 * indentation kept. Undefined (give up) for a blank or indented comment line there, or an escape
 * starting a line.
 */
function joinLines(raw: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    i++;
    while (raw[i] === ' ' || raw[i] === '\t') i++;
    if (raw[i] !== '\n') return undefined;
    i++;
    for (;;) {
      if (raw[i] === '\n') i++;
      else if (raw[i] === '#') {
        const nl = raw.indexOf('\n', i);
        // An escape in the comment: dockerfile-ast's value has rules of its own for it.
        if (nl === -1 || raw.slice(i, nl).includes('\\')) return undefined;
        i = nl + 1;
      } else {
        let q = i;
        while (raw[q] === ' ' || raw[q] === '\t') q++;
        if (raw[q] === '\n' || raw[q] === '#' || raw[q] === '\\' || q >= raw.length) return undefined;
        break;
      }
    }
  }
  return out;
}

function firstQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '"' || text[i] === "'") return i;
  return -1;
}

function hasQuote(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === "'") return true;
  }
  return false;
}
