/**
 * Seeded random edits of source text, for the differential tests of the hand-written readers
 * (HCL, the YAML lexer, shell) and their benches: a reader must agree with the reference parser
 * or give up on whatever the edits make.
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

/** The share of edits that delete one to three characters, and that duplicate up to eight. */
export interface EditShares {
  deletions: number;
  duplications: number;
}

/**
 * One to three edits at random places: a deletion, a duplication, or (the rest) an insertion of
 * one of the language's `snippets` (its tokens and the characters that break them).
 */
export function randomEdits(
  text: string,
  random: () => number,
  snippets: readonly string[],
  shares: EditShares = { deletions: 0.3, duplications: 0.2 },
): string {
  let out = text;
  for (let e = 0, edits = 1 + Math.floor(random() * 3); e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < shares.deletions) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else if (kind < shares.deletions + shares.duplications)
      out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(random() * 8)) + out.slice(at);
    else out = out.slice(0, at) + snippets[Math.floor(random() * snippets.length)] + out.slice(at);
  }
  return out;
}
