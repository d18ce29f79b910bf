/**
 * Seeded random edits of HCL text for the differential tests (`native.test.ts`) and
 * `bench/hcl-native.mjs`: one to three deletions, duplications or insertions of a token-like
 * snippet at random places. Not used when parsing.
 */
import { randomEdits as randomEditsOf } from '@plumbline/core/testing/random-edits';

export { seeded } from '@plumbline/core/testing/random-edits';

const SNIPPETS = [
  ...['"', '{', '}', '[', ']', '(', ')', ',', '.', '=', ':', '?', '${', '%{', '#', '//', '/*', '*/'],
  ...['\n', '\r\n', '\t', ' ', '-', '!', '*', '~', '...', '[*]', '.*', '\\', '$$', '=>', '0', '1.5'],
  ...['<<EOT\n', 'EOT\n', 'EOT', 'for', 'if', 'in', 'x', 'null'],
];

export function randomEdits(text: string, random: () => number): string {
  return randomEditsOf(text, random, SNIPPETS);
}
