/** Removes Dockerfile-level quotes of an ENV/ARG/LABEL value (`"a b"` → `a b`). */
export function unquoteDocker(value: string, escapeChar: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === escapeChar && i + 1 < value.length && quote !== "'") {
      const next = value[i + 1]!;
      if (next === '\n' || next === '\r') {
        i++;
        continue;
      }
      out += next;
      i++;
    } else if ((ch === '"' || ch === "'") && (quote === undefined || quote === ch))
      quote = quote ? undefined : ch;
    else out += ch;
  }
  return out;
}
