/**
 * Seeded random edits of YAML text for the differential tests (`native-lexer.test.ts`) and
 * `bench/yaml-lexer.mjs`: one to three deletions, duplications or insertions of a YAML snippet at
 * random places. Not used when lexing.
 */
import { randomEdits as randomEditsOf } from '@plumbline/core/testing/random-edits';

export { seeded } from '@plumbline/core/testing/random-edits';

const SNIPPETS = [
  ...[':', ': ', '- ', '-', '#', ' #', "'", "''", '"', '\\"', '\\', '|', '|-', '|+', '|2', '>', '>-', '>+1'],
  ...['[', ']', '{', '}', ',', '[]', '{}', '&a ', '*a', '!t ', '!!str ', '? ', '?', '%YAML 1.2\n'],
  ...['\t', '\n', '\r\n', '\r', ' ', '  ', '    ', '---', '---\n', '...', '...\n', '\n  ', '\n- ', '\uFEFF'],
  ...['a: b', 'k: v\n', '- x: y\n', 'x', '0', 'a b'],
];

export function randomEdits(text: string, random: () => number): string {
  return randomEditsOf(text, random, SNIPPETS, { deletions: 0.25, duplications: 0.15 });
}
