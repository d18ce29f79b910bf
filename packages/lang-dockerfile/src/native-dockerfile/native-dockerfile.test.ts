import { SourceFile } from '@plumbline/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureDockerfileReader, parseDockerfile } from '../parse.js';
import { initShell } from '../shell.js';
import { dockerfileResultJson } from './model-json.js';
import { randomDockerfile, randomDockerfileEdits, seededRandom } from './random-edits.js';
import { readNativeDockerfile } from './reader.js';

beforeAll(() => initShell());
afterEach(() => configureDockerfileReader());

/** A text parsed both ways; `gaveUp` is why the native reader left it to dockerfile-ast, if it did. */
function bothWays(text: string) {
  const parse = () => {
    try {
      return dockerfileResultJson(parseDockerfile(new SourceFile('Dockerfile', text)));
    } catch (e) {
      return `<throws ${(e as Error).message}>`;
    }
  };
  let gaveUp: string | undefined;
  configureDockerfileReader({ observe: (_file, reason) => (gaveUp = reason) });
  const native = parse();
  configureDockerfileReader({ native: false });
  const oracle = parse();
  configureDockerfileReader();
  return { gaveUp, native, oracle };
}

/** Read natively into dockerfile-ast's model. */
function expectNative(text: string): void {
  const { gaveUp, native, oracle } = bothWays(text);
  expect(gaveUp, text).toBeUndefined();
  expect(native, text).toBe(oracle);
}

/** The native reader agrees with dockerfile-ast or gives up; returns whether it read the text. */
function agreesOrGivesUp(text: string): boolean {
  const { gaveUp, native, oracle } = bothWays(text);
  expect(native, JSON.stringify(text)).toBe(oracle);
  return gaveUp === undefined;
}

const REALISTIC = [
  // Official-image style: directives, global ARGs, continuations with comment and escape-only lines.
  [
    '# syntax=docker/dockerfile:1',
    '#  check = skip=all  ',
    'ARG BASE=debian:12-slim',
    'ARG VERSION',
    'FROM --platform=$BUILDPLATFORM ${BASE} AS Build',
    'ENV PHPIZE_DEPS \\',
    '\t\tautoconf \\',
    '\t\tdpkg-dev dpkg \\',
    '# the compiler',
    '\t\tgcc',
    'RUN set -eux; \\',
    '\tapt-get update; \\',
    '\t\\',
    '# procps is small',
    '\tapt-get install -y --no-install-recommends ca-certificates curl; \\',
    '#\t\t--with-pam \\',
    '\trm -rf /var/lib/apt/lists/*',
    'RUN --mount=type=cache,target=/root/.cache --network=none pip install -r requirements.txt',
    'COPY --from=build --chown=1000:1000 --link /src/app /app/',
    'ADD ["https://example.com/a.tgz", "/tmp/"]',
    'FROM gcr.io/distroless/static@sha256:abc AS final',
    'LABEL org.opencontainers.image.title="My App" maintainer=me@example.com \\',
    '      org.opencontainers.image.description="a  b"',
    'ENV PATH=/usr/local/bin:$PATH LANG=C.UTF-8 EMPTY= NAME',
    'ENV LEGACY value with words',
    'ENV GOPATH C:\\\\go',
    'ENV JAVA_HOME C:\\openjdk-27 X=\\$HOME\\x',
    "ARG QUOTED='x y'",
    'WORKDIR\t/app',
    'USER 65532:65532',
    'EXPOSE 8080/tcp 9090',
    'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1',
    'STOPSIGNAL SIGTERM',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'ENTRYPOINT ["/app/server", \\',
    '    "--port", "8080"]',
    'CMD []',
    '',
  ].join('\n'),
  // `find` expressions as the official images write them: escaped characters starting a line.
  'FROM a\nRUN find /usr/local -depth \\\n\t\\( \\\n\t\t\\( -type d -a -name test \\) \\\n\t\\) -exec rm -rf \'{}\' +\nCMD ["sh", "-c", "echo [a], b"]\n',
  // Escaped characters in words, lower-case and unknown keywords, a fragment without FROM.
  'run echo \\"quoted\\" \\$HOME a\\\\b && find . -exec rm {} \\;\nNOPE x\n  # indented comment  \nVOLUME /data\n',
  // Instruction problems: FROM and RUN without arguments, trailing blanks, no final newline.
  'FROM\nRUN  \nFROM alpine\nUSER\nCMD ["sh"]   ',
  // Directives as dockerfile-ast reads them: unknown names, twice, after a blank line (a comment).
  '# syntax=a\n# syntax=b\n# x y=z\nFROM a\n',
  '\n# syntax=a\nFROM a\n',
  '# syntax=a  \n# check=b\nFROM a\n',
  '  #syntax =\nFROM a\n',
  // Comments and a hadolint line before the first instruction, flags of every kind.
  '# hadolint ignore=DL3008\n# a comment\n\nFROM --platform= --link alpine:3 as base\nHEALTHCHECK NONE\nCOPY --chmod=755 a b\n',
];

describe('native Dockerfile reader: reads realistic Dockerfiles as dockerfile-ast does', () => {
  it.each(REALISTIC)('%s', (text) => {
    expectNative(text);
  });

  it('reads ENV, LABEL and ARG properties and JSON forms into the same model', () => {
    const text = 'FROM a\nENV A="x y" B=\'z\' C\nLABEL a.b="1"  c=2\nCMD ["a", "b c"]\n';
    expectNative(text);
    const { model } = parseDockerfile(new SourceFile('Dockerfile', text));
    expect(model.instructions[1]!.properties.map((p) => [p.name, p.value])).toEqual([
      ['A', 'x y'],
      ['B', 'z'],
      ['C', undefined],
    ]);
    expect(model.instructions[3]!.json?.map((w) => w.value)).toEqual(['a', 'b c']);
  });
});

describe('native Dockerfile reader: gives up on what it is not sure of', () => {
  it.each([
    ['FROM a\r\nRUN b\r\n', 'carriage return'],
    ['\uFEFFFROM a\n', 'byte order mark'],
    ['# escape=`\nFROM a\n', 'the `escape` parser directive'],
    ['# syntax=a #check=b\nFROM a\n', 'text after a parser directive value'],
    ['# syntax=C:\\\\\nFROM a\n', 'an escape in a parser directive line'],
    ['FROM a\nRUN <<EOF\nx\nEOF\n', 'heredoc'],
    ['FROM a\nRUN cat <\\\n<EOF\nx\nEOF\n', 'heredoc'],
    // Found by the random edits.
    ['FROM a\nRUN n \\<<\n', 'heredoc'],
    ['FROM a\nONBUILD RUN x\n', 'ONBUILD'],
    ['FROM a\nRUN\\\n x\n', 'an unusual keyword'],
    ['"FROM" a\n', 'an unusual keyword'],
    ['FROM a\nRUN a\\\nb\n', 'a word continued on the next line'],
    ['FROM a\nRUN a \\\n', 'a line continuation at the end of the file'],
    // Found by the random Dockerfiles: dockerfile-ast ends `n` at the second escape.
    ['FROM a\nRUN n\\\n \\ \nR\n', 'an escape-only line after a word and a line continuation'],
    ['FROM a\nRUN a \\\n# c \\$x\n b\n', 'an escape in a comment between continued lines'],
    ['FROM a\nRUN a\\\n# c \\\nb\n', 'an escape in a comment between continued lines'],
    ['FROM a\nRUN a \\\n# c \\ \n b\n', 'an escape in a comment between continued lines'],
    ['FROM a\nRUN a\\ b\n', 'an escape that is not a line continuation'],
    // Found by the random edits: dockerfile-ast reads `\#` there as a comment too.
    ['FROM a\nRUN f \\\n\\#\n', 'an escaped `#` starting a continued line'],
    // Read in dockerfile-ast's code: its argument split drops `#x y`, its parser keeps them.
    ['FROM a\nRUN a \\\n  \\( #x y\n', 'a `#` after escaped characters starting a continued line'],
    ['FROM a\nRUN C:\\\\dir\\\\\n', 'an escaped escape before a blank'],
    // Found by the random edits: the instruction ends at the line break to dockerfile-ast's parser.
    ['FROM a\nRUN t \\\\ \\\n#\n;\n', 'an escaped escape before a blank'],
    ['FROM a\nENV A=x\\"y\n', 'an escaped character in ENV'],
    ['FROM a\nENV A b\\$c \\\n d\n', 'an escaped character in ENV'],
    ['FROM a\nLABEL a\\b c\n', 'an escaped character in ENV'],
    ['FROM a\nCMD ["a\\"b"]\n', 'an escaped character in a JSON form'],
    ['FROM a\nCMD ["a", \\\n# c\n "b"]\n', 'a JSON form across comment or empty lines'],
    ['FROM a\nCMD ["a \\\n b"]\n', 'a JSON string across a line continuation'],
    ['FROM a\nRUN x--y --flag z\n', 'a word before the flags end'],
    ['FROM a\nHEALTHCHECK x --a CMD y\n', 'a word before the flags end'],
    ['FROM a\nCOPY --- a b\n', 'an unusual flag name'],
    ['FROM a\nARG A B=1\n', 'ARG with a name and more words'],
    ['FROM a\nARG A=1 B\n', 'ARG with a word without `=`'],
    ['FROM a\nENV =a\n', 'an empty property name'],
    ['FROM a\nLABEL "a b"=c\n', 'a quoted property name'],
    ['FROM a\nENV A=a"b"c\n', 'a quote inside a property value'],
    ['FROM a\nENV A="x\n', 'a property value with its quote left open'],
    ['FROM a\nENV A "x y"\n', 'a quoted legacy ENV or LABEL value'],
    ['FROM a\nENV A b \\\n  \n  c\n', 'a blank, indented or escaped comment line in a legacy'],
    ['FROM a\nENV A b \\\n# c \\\n  d\n', 'a blank, indented or escaped comment line in a legacy'],
  ])('%j (%s)', (text, reason) => {
    const read = readNativeDockerfile(new SourceFile('Dockerfile', text));
    expect(typeof read === 'string' ? read : 'read natively').toContain(reason);
    agreesOrGivesUp(text);
  });
});

describe('native Dockerfile reader: agrees with dockerfile-ast or gives up', () => {
  it('on seeded random edits of realistic Dockerfiles', () => {
    const random = seededRandom(5);
    let read = 0;
    for (let n = 0; n < 400; n++) {
      if (agreesOrGivesUp(randomDockerfileEdits(REALISTIC[n % REALISTIC.length]!, random))) read++;
    }
    // Not a vacuous pass: many edits keep a file the reader reads.
    expect(read).toBeGreaterThan(100);
  });

  it('on seeded random Dockerfiles (flags, properties, exec forms, continuations, comments)', () => {
    const random = seededRandom(9);
    let read = 0;
    for (let n = 0; n < 400; n++) if (agreesOrGivesUp(randomDockerfile(random))) read++;
    expect(read).toBeGreaterThan(100);
  });

  it('tells a model that differs (the comparison is not vacuous)', () => {
    const text = 'FROM a\nCOPY --from=b x y\n';
    const { model } = parseDockerfile(new SourceFile('Dockerfile', text));
    const before = dockerfileResultJson(parseDockerfile(new SourceFile('Dockerfile', text)));
    model.instructions[1]!.flags[0]!.nameLoc.start++;
    const after = dockerfileResultJson({ model, problems: [], comments: model.comments, unscanned: [] });
    expect(after).not.toBe(before);
  });
});
