/**
 * Seeded random edits of shell scripts for the differential tests (`native-shell.test.ts`) and
 * `bench/shell-native.mjs`: one to three deletions, duplications or insertions of a shell snippet
 * (quotes, operators, expansions, what the native reader must read or give up on) at random
 * places. Not used when parsing.
 */

import { randomEdits } from '@plumbline/core/testing/random-edits';

export { seeded as seededRandom } from '@plumbline/core/testing/random-edits';

const SNIPPETS = [
  ...["'", '"', '\\', '`', '$', '${', '}', '{', '(', ')', '[', ']', '$(', '$((', '"$X"', '${X:-a}', '$1'],
  ...['&&', '||', '|', '|&', ';', ';;', '&', '\n', '\r\n', '\\\n', ' ', '\t', '#', ' # note\n'],
  ...['>', '>>', '<', '2>&1', '>/dev/null', '&>', '<<EOF\n', '<<<', '>&-', '=', 'A=1 ', 'A= ', '+='],
  ...['sh -c ', "sh -c 'a | b'", 'sudo ', 'env X=1 ', 'xargs ', 'if ', 'then ', 'export ', '!', '[ ', '{}'],
  ...['-', '--', '*', '?', '~', '0', '1', '-c', 'é', '\u00a0', '\v'],
];

export function randomShellEdits(text: string, random: () => number): string {
  return randomEdits(text, random, SNIPPETS, { deletions: 0.3, duplications: 0.15 });
}

const NAMES = ['apt-get', 'curl', 'sh', 'sudo', 'env', 'echo', 'xargs', 'tar', 'make', '/usr/bin/x', 'g++'];
const WORDS = [
  ...['-y', '--flag=1', 'install', '.', '/tmp/x', 'a=b', '*.txt', '{}', '[x]', '1', '-1', 'x{a,b}', '\\;'],
  ...["'single q'", '"double $X"', '$X', '${X}', '${X:-d}', '${X%%.*}', '$1', '$@', '"$(id -u)"', '$(nproc)'],
  ...['x$A-$B', 'pre"q"$X', "'{}'", 'e-$P-$A', '"a b"c', '-c', "'a && b | c'", '"cd /x && make"'],
];
const REDIRECTIONS = ['> f', '2>&1', '>/dev/null', '>> log', '< in', '&> f', '>&2 "e" x', '> $(mktemp)'];
const LIST_OPERATORS = [' && ', ' || ', ' &&\n  ', ' && \\\n  '];
const TERMINATORS = ['; ', '\n', ' & ', ';\n', '\n\n', ' # note\n'];

/**
 * A random script of the shapes RUN lines have (commands, wrappers, pipelines, lists, blocks,
 * `case`, tests, assignments, redirections, `$(...)`), blocks and `$(...)` up to `nesting` deep,
 * for the differential tests: the native reader must read it as tree-sitter does, or give up. Not
 * used when parsing.
 */
export function randomShellScript(random: () => number, nesting = 2, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const count = (max: number) => Math.floor(random() * (max + 1));
  const word = (): string =>
    random() < 0.1 && depth < nesting ? `"$(${randomShellScript(random, nesting, depth + 1)})"` : pick(WORDS);
  const simple = (): string => {
    const r = random();
    if (r < 0.08) return `A=${word()}${random() < 0.5 ? ` B=${word()}` : ''}`;
    if (r < 0.14) return `export A=${word()} B`;
    const parts: string[] = [];
    for (let n = count(2); n > 0; n--) parts.push(`V${n}=${word()}`);
    parts.push(pick(NAMES));
    for (let n = count(4); n > 0; n--) parts.push(word());
    for (let n = random() < 0.25 ? 1 + count(1) : 0; n > 0; n--) parts.push(pick(REDIRECTIONS));
    return parts.join(' ');
  };
  const body = () => randomShellScript(random, nesting, depth + 1);
  const block = (): string => {
    switch (count(8)) {
      case 0:
        return `if ${body()}; then ${body()}; ${random() < 0.3 ? `elif ${body()}; then ${body()}; ` : ''}${random() < 0.5 ? `else ${body()}; ` : ''}fi`;
      case 1:
        return `for x in ${word()} ${word()}; do ${body()}; done`;
      case 2:
        return `while ${body()}; do ${body()}; done`;
      case 3:
        return `case ${word()} in ${pick(['a', "'x86_64'", '*', 'a|b', 'arm*', '"q"'])}) ${body()};; *) ${body()} ;; esac`;
      case 4:
        return `{ ${body()}; }`;
      case 5:
        return `(${body()})`;
      case 6:
        return `[ ${pick(['-f /x', '"$X" = "y"', '! -d x', '$# -eq 0', 'x', '-n "$(id)"', '"$A" != b'])} ]`;
      case 7:
        return `! ${simple()}`;
      default:
        return `f() { ${body()}; }`;
    }
  };
  const element = () =>
    depth < nesting && random() < 0.2 ? block() + (random() < 0.2 ? ` ${pick(REDIRECTIONS)}` : '') : simple();
  const pipeline = () => {
    const elements = [element()];
    for (let n = random() < 0.6 ? 0 : 1 + count(4); n > 0; n--) elements.push(element());
    return elements.join(pick([' | ', ' |\n  ', '|']));
  };
  const statement = () => {
    let out = pipeline();
    for (let n = count(3); n > 0; n--) out += pick(LIST_OPERATORS) + pipeline();
    return out;
  };
  const statements = [statement()];
  for (let n = count(depth === 0 ? 3 : 1); n > 0; n--) statements.push(statement());
  return statements.map((s, i) => (i === 0 ? s : pick(TERMINATORS) + s)).join('');
}
