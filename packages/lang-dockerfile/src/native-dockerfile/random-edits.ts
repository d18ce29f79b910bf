/**
 * Seeded random edits of Dockerfiles and random Dockerfiles, for the differential tests
 * (`native-dockerfile.test.ts`) and `bench/dockerfile-native.mjs`: the native reader must read
 * them as dockerfile-ast does or give up. Not used when parsing.
 */

import { randomEdits } from '@plumbline/core/testing/random-edits';

export { seeded as seededRandom } from '@plumbline/core/testing/random-edits';

/** What Dockerfile text is made of, and what breaks it: quotes, escapes, continuations, keywords. */
const SNIPPETS = [
  ...['\\#', '\\(', '\\"', '\\$', '\\\\', '\\\n\t\\\n', '\\\n\\#'],
  ...['"', "'", '\\', '\\\n', ' \\\n', '\\ \n', '\n', '\n\n', '\r\n', ' ', '\t', '#', '# c\n', '\n# c\n'],
  ...[
    '=',
    '==',
    '--',
    '--x',
    '--a=b',
    '---',
    '[',
    ']',
    '", "',
    '["a"]',
    '<<',
    '<<EOF\nx\nEOF\n',
    '<',
    '$',
    '${A}',
  ],
  ...['\nRUN ', '\nFROM ', '\nENV ', '\nLABEL ', '\nARG ', '\nCMD ', '\nONBUILD ', '\nHEALTHCHECK ', ' AS '],
  ...[
    '# syntax=x\n',
    '# escape=`\n',
    '# check=skip=all\n',
    '#syntax = y\n',
    'CMD',
    'NONE',
    'é',
    '\u00a0',
    '\uFEFF',
  ],
];

export function randomDockerfileEdits(text: string, random: () => number): string {
  return randomEdits(text, random, SNIPPETS, { deletions: 0.3, duplications: 0.15 });
}

const VALUES = ['1', 'x y', '', '$A', '${B:-x}', 'a=b', '/usr/bin:$PATH', 'it', 'é'];
const WORDS = [
  ...['C:\\\\go', 'a\\$b', '\\x', 'x\\\\\\\\y'],
  'a',
  'b.txt',
  '/x/',
  '--x',
  '-y',
  '&&',
  '"q"',
  "'s'",
  '$A',
  '[x]',
  '#',
  '=',
  'a=b',
  'CMD',
];

/**
 * A random Dockerfile of the shapes real ones have (directives, comments, FROM with flags and
 * names, RUN with flags and continuations, ENV/LABEL/ARG properties plain, quoted and legacy,
 * exec forms, HEALTHCHECK), for the differential tests. Not used when parsing.
 */
export function randomDockerfile(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const count = (max: number) => Math.floor(random() * (max + 1));
  const blank = () =>
    pick([
      ...[' ', ' ', ' ', '  ', '\t', ' \\\n  ', ' \\\n# c\n  ', ' \\\n\n  ', '\\\n ', '\\  \n  '],
      // Escape-only lines, as the official images write them between package lists.
      ...[' \\\n\t\\\n  ', '\\\n\t\\\n  ', ' \\\n \\ \n# c\n  '],
      // A commented-out continued line.
      ...[' \\\n#  --x \\\n  ', '\\\n# c \\\n  '],
    ]);
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const property = () => {
    const name = pick(['A', 'b.c', 'X_1', 'org.label-schema.name']);
    const value = pick(VALUES);
    switch (count(4)) {
      case 0:
        return `${name}="${value}"`;
      case 1:
        return `${name}='${value}'`;
      case 2:
        return name;
      default:
        return `${name}=${value.replace(/ /g, '')}`;
    }
  };
  const flags = () =>
    Array.from({ length: count(2) }, () =>
      pick(['--platform=$P', '--link', '--from=b', '--mount=type=cache,target=/x', '--chown=1:2', '--x=']),
    ).join(' ');
  const json = () =>
    `[${Array.from({ length: 1 + count(2) }, () => `"${pick(['a', 'b c', '-c', ''])}"`).join(pick([', ', ',', ' , ']))}]`;
  const instruction = (): string => {
    const keyword = (k: string) => (random() < 0.1 ? k.toLowerCase() : k);
    switch (count(11)) {
      case 0:
        return `${keyword('FROM')} ${flags()} ${pick(['debian:12', 'scratch', '${BASE}', 'b'])}${random() < 0.5 ? ` AS ${pick(['b', 'Build'])}` : ''}`;
      case 1:
      case 2:
        return `${keyword('RUN')} ${flags()}${blank()}${words(count(5))}${blank()}${words(count(3))}`;
      case 3:
        return `${keyword(pick(['ENV', 'LABEL', 'ARG']))} ${Array.from({ length: 1 + count(2) }, property).join(blank())}`;
      case 4:
        return `${keyword(pick(['ENV', 'LABEL']))} ${pick(['A', 'B'])} ${words(1 + count(2))}`;
      case 5:
        return `${keyword(pick(['CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'RUN']))}${blank()}${json()}`;
      case 6:
        return `${keyword(pick(['COPY', 'ADD']))} ${flags()} ${random() < 0.3 ? json() : words(1 + count(2))}`;
      case 7:
        return `HEALTHCHECK ${pick(['', '--interval=5s ', '--interval=5s --retries=3 '])}${pick(['CMD', 'NONE', 'cmd'])} ${words(count(2))}`;
      case 8:
        return `${pick(['# a comment', '#', '  # indented', '# x=y'])}`;
      case 9:
        return pick(['', ' ', '\t']);
      case 10:
        return `${pick(['WORKDIR', 'USER', 'EXPOSE', 'STOPSIGNAL', 'MAINTAINER', 'NOPE'])}${pick(['', ' '])}${words(count(2))}${pick(['', ' ', '  '])}`;
      default:
        return `${keyword(pick(['COPY', 'RUN']))} ${words(count(3))}`;
    }
  };
  const lines: string[] = [];
  if (random() < 0.3)
    lines.push(pick(['# syntax=docker/dockerfile:1', '#  check = skip=all  ', '# hadolint ignore=DL3008']));
  for (let n = 1 + count(8); n > 0; n--) lines.push(instruction());
  return lines.join('\n') + pick(['', '\n', '\n\n']);
}
