/**
 * Seeded random edits of shell scripts for the differential tests (`native-shell.test.ts`) and
 * `bench/shell-native.mjs`: one to three deletions, duplications or insertions of a shell snippet
 * (quotes, operators, expansions, what the native reader must read or give up on) at random
 * places. Not used when parsing.
 */

/** Numbers in [0, 1) from a seed (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  ...["'", '"', '\\', '`', '$', '${', '}', '{', '(', ')', '[', ']', '$(', '$((', '"$X"', '${X:-a}', '$1'],
  ...['&&', '||', '|', '|&', ';', ';;', '&', '\n', '\r\n', '\\\n', ' ', '\t', '#', ' # note\n'],
  ...['>', '>>', '<', '2>&1', '>/dev/null', '&>', '<<EOF\n', '<<<', '>&-', '=', 'A=1 ', 'A= ', '+='],
  ...['sh -c ', "sh -c 'a | b'", 'sudo ', 'env X=1 ', 'xargs ', 'if ', 'then ', 'export ', '!', '[ ', '{}'],
  ...['-', '--', '*', '?', '~', '0', '1', '-c', 'é', '\u00a0', '\v'],
];

export function randomShellEdits(text: string, random: () => number): string {
  let out = text;
  for (let e = 0, edits = 1 + Math.floor(random() * 3); e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else if (kind < 0.45)
      out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(random() * 8)) + out.slice(at);
    else out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
  }
  return out;
}
