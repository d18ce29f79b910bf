/**
 * Seeded random edits of HCL text for the differential tests (`native.test.ts`) and
 * `bench/hcl-native.mjs`: one to three deletions, duplications or insertions of a token-like
 * snippet at random places. Not used when parsing.
 */

/** A seeded generator of numbers in [0, 1), so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SNIPPETS = [
  ...['"', '{', '}', '[', ']', '(', ')', ',', '.', '=', ':', '?', '${', '%{', '#', '//', '/*', '*/'],
  ...['\n', '\r\n', '\t', ' ', '-', '!', '*', '~', '...', '[*]', '.*', '\\', '$$', '=>', '0', '1.5'],
  ...['<<EOT\n', 'EOT\n', 'EOT', 'for', 'if', 'in', 'x', 'null'],
];

export function randomEdits(text: string, random: () => number): string {
  let out = text;
  for (let e = 0, edits = 1 + Math.floor(random() * 3); e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else if (kind < 0.5)
      out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(random() * 8)) + out.slice(at);
    else out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
  }
  return out;
}
