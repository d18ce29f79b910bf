/**
 * Seeded random block YAML for the fused reader's differential test: nested maps and sequences
 * (compact `- k: v`, sequences under a key at its indentation or deeper, `- - a`), scalars of every
 * core-schema type, quoted and block scalars, one-line flow collections, empty values, comments and
 * blank lines at random indentations, several documents. Mostly what the reader takes, sometimes
 * what it must give up on. Not used when reading.
 */
export function generatedYaml(random: () => number): string {
  const out: string[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const documents = 1 + Math.floor(random() * 3);
  if (random() < 0.2) out.push(pick(['# leading comment\n', '\n', '---\n']));
  for (let d = 0; d < documents; d++) {
    if (d > 0) out.push(pick(['---\n', '--- # next\n', '---\n\n']));
    if (random() < 0.5) map(0, 3);
    else seq(0, 3);
    junk(0);
  }
  return out.join('');

  function scalar(indent: number): string {
    const more = ' '.repeat(indent + 2);
    // Now and then what the reader must give up on.
    if (random() < 0.03) return pick(['&anchor x', '*alias', '!tag x', '<<', '2001-12-14', '[a,\n b]']);
    return pick([
      'x',
      'nginx:1.25',
      'hello world',
      '80',
      '-1',
      '0x1F',
      '0o17',
      '1.5',
      '1e3',
      '.inf',
      '-.Inf',
      '.nan',
      'true',
      'False',
      'null',
      '~',
      "'single'",
      "'it''s'",
      '"double"',
      '"esc\\n\\"q\\""',
      '[]',
      '{}',
      '[a, "b", 3]',
      '{k: v, n: 1}',
      '[[1, 2], {a: b}]',
      'a:b',
      'http://x.io/a#b',
      '${{ matrix.os }}',
      `line one\n${more}line two`,
      `"quoted\n${more}over lines"`,
    ]);
  }

  /** What may follow a value on its line, then the line break. */
  function lineEnd(): string {
    return random() < 0.15 ? pick([' # trailing', '  #c', ' ']) + '\n' : '\n';
  }

  /** Blank and comment lines at random indentations (where the Parser's placing rules matter). */
  function junk(indent: number): void {
    while (random() < 0.25) {
      const at = Math.max(0, indent + Math.floor(random() * 5) - 2);
      out.push(
        random() < 0.4 ? (random() < 0.5 ? '\n' : `${' '.repeat(at)}\n`) : `${' '.repeat(at)}# note\n`,
      );
    }
  }

  function blockScalar(indent: number): string {
    const header = pick(['|', '|-', '>', '>-', '|+', '|2', '>+']);
    const pad = ' '.repeat(indent + 2);
    const lines = [`${header}${random() < 0.2 ? ' # header comment' : ''}\n`];
    const count = 1 + Math.floor(random() * 3);
    lines.push(`${pad}echo\n`);
    for (let i = 0; i < count; i++)
      lines.push(pick([`${pad}echo ${i}\n`, `${pad}  more ${i}\n`, '\n', `${pad}# not a comment\n`]));
    return lines.join('');
  }

  /** The value of a key in a map at `indent`: after `key:`. */
  function value(indent: number, depth: number): void {
    const roll = random();
    if (depth > 0 && roll < 0.3) {
      out.push(lineEnd());
      junk(indent);
      map(indent + pick([2, 4]), depth - 1);
    } else if (depth > 0 && roll < 0.45) {
      out.push(lineEnd());
      junk(indent);
      seq(indent + pick([0, 2]), depth - 1);
    } else if (roll < 0.55) {
      out.push(lineEnd());
    } else if (roll < 0.65) {
      out.push(` ${blockScalar(indent)}`);
    } else {
      out.push(` ${scalar(indent)}${lineEnd()}`);
    }
  }

  function map(indent: number, depth: number, first = false): void {
    const count = 1 + Math.floor(random() * 4);
    const keys = ['name', 'image', 'ports', 'run', '"quoted key"', "'q'", '1', 'true', 'on', 'name'];
    // Repeats are read in manifests and given up on in workflows.
    if (random() < 0.9) keys.length = 0;
    if (keys.length === 0) keys.push(`k${Math.floor(random() * 1e6)}`, `"q${Math.floor(random() * 1e6)}"`);
    for (let i = 0; i < count; i++) {
      if (!(first && i === 0)) out.push(' '.repeat(indent));
      out.push(`${pick(keys)}:`);
      value(indent, depth);
      junk(indent);
    }
  }

  function seq(indent: number, depth: number, first = false): void {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      if (!(first && i === 0)) out.push(' '.repeat(indent));
      const roll = random();
      if (depth > 0 && roll < 0.35) {
        out.push('- ');
        map(indent + 2, depth - 1, true);
      } else if (depth > 0 && roll < 0.45) {
        out.push('- ');
        seq(indent + 2, depth - 1, true);
      } else if (depth > 0 && roll < 0.5) {
        out.push(`-${lineEnd()}`);
        map(indent + 2, depth - 1);
      } else if (roll < 0.6) {
        out.push(`- ${blockScalar(indent)}`);
      } else {
        out.push(`- ${scalar(indent)}${lineEnd()}`);
      }
      junk(indent);
    }
  }
}
