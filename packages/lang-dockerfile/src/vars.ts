import type { Resolved } from './model.js';

/** Prefix of a scope value that itself holds an unknown variable. */
export const INCOMPLETE = '\u0000';

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes Dockerfile variables as BuildKit does: `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`. `escape` + `$` keeps a literal dollar.
 * Unknown variables are kept as written and make the result incomplete.
 */
export function substitute(
  text: string,
  scope: ReadonlyMap<string, string | undefined>,
  escapeChar = '\\',
): Resolved {
  if (!text.includes('$')) return { value: text, complete: true };
  let complete = true;
  let out = '';
  let last = 0;
  VARIABLE.lastIndex = 0;
  for (let m = VARIABLE.exec(text); m; m = VARIABLE.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === escapeChar) continue;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1] ?? m[4]!;
    const op = m[2];
    const word = m[3] ?? '';
    const declared = scope.has(name);
    let value = scope.get(name);
    if (value?.startsWith(INCOMPLETE)) {
      complete = false;
      value = value.slice(1);
    }
    const known = value !== undefined;
    if (op === ':-' || op === '-') {
      if (known && (op === '-' || value !== '')) out += value;
      else if (!declared || op === ':-' || value === undefined) {
        // Unset (or empty for `:-`): the default applies. A declared ARG without value is unset
        // unless a build argument is passed, which we cannot know; the default is Docker's view.
        const inner = substitute(word, scope, escapeChar);
        if (!inner.complete) complete = false;
        out += inner.value;
      }
    } else if (op === ':+' || op === '+') {
      if (known && (op === '+' || value !== '')) {
        const inner = substitute(word, scope, escapeChar);
        if (!inner.complete) complete = false;
        out += inner.value;
      } else if (!known) {
        complete = false;
        out += m[0];
      }
    } else if (known) out += value;
    else {
      complete = false;
      out += m[0];
    }
  }
  out += text.slice(last);
  return { value: out, complete };
}
