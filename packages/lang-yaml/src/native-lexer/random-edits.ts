/**
 * Seeded random edits of YAML text for the differential tests (`native-lexer.test.ts`) and
 * `bench/yaml-lexer.mjs`: one to three deletions, duplications or insertions of a YAML snippet at
 * random places. Not used when lexing.
 */

/** A seeded generator of numbers in [0, 1), so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    // The multiplication in 32-bit integers: a float product would lose its low bits.
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 2147483648;
  };
}

const SNIPPETS = [
  ...[':', ': ', '- ', '-', '#', ' #', "'", "''", '"', '\\"', '\\', '|', '|-', '|+', '|2', '>', '>-', '>+1'],
  ...['[', ']', '{', '}', ',', '[]', '{}', '&a ', '*a', '!t ', '!!str ', '? ', '?', '%YAML 1.2\n'],
  ...['\t', '\n', '\r\n', '\r', ' ', '  ', '    ', '---', '---\n', '...', '...\n', '\n  ', '\n- ', '\uFEFF'],
  ...['a: b', 'k: v\n', '- x: y\n', 'x', '0', 'a b'],
];

export function randomEdits(text: string, random: () => number): string {
  let out = text;
  for (let e = 0, edits = 1 + Math.floor(random() * 3); e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.25) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else if (kind < 0.4)
      out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(random() * 8)) + out.slice(at);
    else out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
  }
  return out;
}
