import { SourceFile } from '@plumbline/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse.js';
import { configureShellReader, initShell, parseShell } from '../shell.js';
import { randomShellEdits, randomShellScript, seededRandom } from './random-edits.js';
import { readNativeShell } from './reader.js';
import { shellScriptJson } from './script-json.js';

beforeAll(() => initShell());
afterEach(() => configureShellReader());

/** A script read both ways; `gaveUp` lists the reasons for the texts (a wrapper's too) left to tree-sitter. */
function bothWays(text: string) {
  const file = new SourceFile('Dockerfile', text);
  const gaveUp: string[] = [];
  configureShellReader({ observe: (_text, reason) => reason && gaveUp.push(reason) });
  const native = shellScriptJson(parseShell(file, text, (i) => i));
  configureShellReader({ native: false });
  const treeSitter = shellScriptJson(parseShell(file, text, (i) => i));
  configureShellReader();
  return { gaveUp, native, treeSitter };
}

/** Read natively, every wrapped script too, into tree-sitter's model, with no syntax error. */
function expectNative(text: string): void {
  const { gaveUp, native, treeSitter } = bothWays(text);
  expect(gaveUp, text).toEqual([]);
  expect(native, text).toBe(treeSitter);
  expect(treeSitter).toContain('"hasError":false}');
}

/** The native reader agrees with tree-sitter or gives up; returns whether it read the whole text. */
function agreesOrGivesUp(text: string): boolean {
  const { gaveUp, native, treeSitter } = bothWays(text);
  expect(native, JSON.stringify(text)).toBe(treeSitter);
  return typeof readNativeShell(text) !== 'string' && gaveUp.length === 0;
}

describe('native shell reader: reads realistic RUN scripts as tree-sitter does', () => {
  it.each([
    // apt-get chains as a shell-form RUN hands them over (continuations blanked to spaces).
    'apt-get update &&     apt-get install -y --no-install-recommends       ca-certificates curl git     && rm -rf /var/lib/apt/lists/*',
    'set -eux;   \tapt-get update;   \tapt-get install -y --no-install-recommends gnupg dirmngr;   \trm -rf /var/lib/apt/lists/*',
    // Continuations and comments as a heredoc or an exec-form script has them.
    'apt-get update && \\\n  apt-get install -y curl \\\n  # the compiler\n  gcc\napk add --no-cache bash # trailing\n',
    // Pipelines, quoting, expansions.
    'curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs',
    'wget -qO- "https://get.example.com/install.sh?v=${VERSION}" | sh -s -- -y',
    'pip install --no-cache-dir -r requirements.txt && npm ci --omit=dev && npm cache clean --force',
    "echo 'deb http://deb.debian.org/debian bookworm main' > /etc/apt/sources.list.d/x.list",
    'echo "export PATH=\\"$HOME/.local/bin:$PATH\\"" >> ~/.bashrc',
    'tar -xzf "/tmp/go${GO_VERSION}.linux-${TARGETARCH:-amd64}.tar.gz" -C /usr/local ${X%.*} ${X##*/} ${#X} ${X//a/b} ${X:0:3} $1 $@ $? "$$"',
    'find /usr/local -name "*.pyc" -exec rm -f {} + && find . -type d -exec chmod 755 {} \\;',
    'pip install .[dev] "pkg[extra]" && xargs -I{} cp {} /dst',
    // Wrappers: sudo, env, sh -c (also inside sudo), nested shells.
    'sudo -u app env HOME=/home/app PATH=/opt/bin:$PATH npm install',
    'sh -c \'apt-get update && apt-get install -y "curl" | tee /log\' && bash -lc "cd /app && make -j$(nproc)"',
    'sudo sh -c "echo 1 > /proc/x" && gosu app:app nohup time nice -n 5 ./run.sh --flag',
    "busybox sh -c 'wget -O- http://x | sh' && xargs -n1 echo",
    // Assignments: prefixes, standalone, empty, export and friends.
    'DEBIAN_FRONTEND=noninteractive TZ=Etc/UTC apt-get install -y tzdata',
    'A=1 B="two words" C=\'x\' D= && export E=5 F PATH="/opt/bin:$PATH" && local -r G=1',
    'export DEBIAN_FRONTEND=noninteractive; readonly X=$(uname -m); declare -x Y=1',
    'A=$(id -u) B=2; C="$(cat /etc/os-release | grep ID)" cmd $(dirname "$(which python3)")',
    // Redirections.
    'make -j4 >/dev/null 2>&1 && ./configure > config.log 2>&1 || cat config.log',
    'curl -s https://x 2>&1 | tee /tmp/log && cat < /etc/hosts && echo x &> /dev/null && a >> "$LOG"',
    'echo "$(date)" > $(mktemp) && grep -q x /etc/x 2>/dev/null || echo missing >&2',
    // Background, line breaks, empty lines.
    'nginx &\nsleep 1\n\n\necho done; true',
    // Blocks, as the official images write them.
    'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tdpkgArch="$(dpkg --print-architecture)"; \tcase "${dpkgArch##*-}" in \t\tamd64) ARCH=\'x64\' ;; \t\t\'arm64\'|aarch64) ARCH=\'arm64\';; \t\t*) echo >&2 "error: unsupported architecture ($dpkgArch)"; exit 1 ;; \tesac; \tfor key in A1 B2 ; do \t\tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" || \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ; \tdone; \tif [ -f /etc/x ]; then rm /etc/x; elif [ "$(id -u)" = 0 ]; then :; else echo no; fi; \t{ [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; }; \t( cd /tmp && make ); \t! grep -q x /etc/hosts; \twhile [ ! -e /x ]; do sleep 1; done; \tddist() { local f="$1"; shift; wget -O "$f" "$@"; }; \tddist x.tgz https://x/${V%%[a-z]*}/x.tgz',
    // Blocks in pipelines and redirected (their commands are not linked to the pipeline).
    '{ echo a; echo b; } | tee /x && ( cd /y && make ) > log 2>&1 && while read l; do echo "$l"; done < /x && ! a | b && if [ "${X}" = y ]; then :; fi | c',
    'echo ${X:+"--flag=x"} ${R%~*} && a | { b; } | c',
    // Escapes and odd but plain words.
    'echo \\$HOME c\\"d "e\\\\f" \'g\\h\' -- =x %s @ : g++ -O2 ~/x */a 1 -1 0x1F',
  ])('%s', (text) => {
    expectNative(text);
  });

  it('reads RUN lines of a Dockerfile into the same model (continuations, exec form, heredocs, ONBUILD)', () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get update && \\',
      '    # tools',
      '    apt-get install -y curl \\',
      '      git && \\',
      '    curl -fsSL https://x | sh',
      'RUN ["/bin/sh", "-c", "echo \\"$HOME\\" | tee /x"]',
      'RUN <<EOF',
      'set -e',
      'apt-get install -y vim',
      'EOF',
      'ONBUILD RUN sudo make install',
      '',
    ].join('\n');
    const shells = (native: boolean) => {
      configureShellReader({ native });
      const { model } = parseDockerfile(new SourceFile('Dockerfile', text));
      return model.instructions.map(
        (i) => `${shellScriptJson(i.shell)} ${shellScriptJson(i.trigger?.shell)}`,
      );
    };
    expect(shells(true)).toEqual(shells(false));
    const gaveUp: string[] = [];
    configureShellReader({ observe: (_t, reason) => reason && gaveUp.push(reason) });
    parseDockerfile(new SourceFile('Dockerfile', text));
    expect(gaveUp).toEqual([]);
  });
});

describe('native shell reader: gives up on what it is not sure of', () => {
  it.each([
    ['case "$a" in [ab]) b;; esac', 'unusual `case` pattern'],
    ['export A=1 | b', 'declaration in a pipeline'],
    ['f() { a; } > log', 'redirection of a function'],
    ['function f { a; }', 'keyword `function`'],
    ['[ -f a -a -f b ]', 'unusual `[ ]`'],
    ['[ A= -n "" ]', 'after a name where a command starts'],
    ['[[ -f a ]]', 'start of a command name'],
    ['echo `date`', 'backquote'],
    ['echo $((1 + 2))', '`$((`'],
    ['cat <<EOF\nx\nEOF', 'redirection'],
    ['diff <(a) <(b)', 'redirection'],
    ["echo $'\\n'", "`$'`"],
    ['echo ${X:-$Y}', 'unusual'],
    ['unset X', 'keyword'],
    ['a |& b', '`|&`'],
    ['a;; b', '`;;`'],
    ['echo "unterminated', 'unterminated'],
    ['a &&', 'no command'],
    ['echo $(a # comment\n)', 'comment'],
    [`${'{ '.repeat(150)}a${'; }'.repeat(150)}`, 'nested deeper than 100'],
    [`echo ${'"$('.repeat(150)}a${')"'.repeat(150)}`, 'nested deeper than 100'],
    // tree-sitter-bash quirks, measured: matching them is not worth the risk.
    ['a | b | c && d', 'pipeline of three'],
    ['{ a; } && b | c | d | e && f', 'pipeline of three or more commands after a block'],
    ['echo $(a | b | c > f)', 'redirected pipeline of three'],
    ['a | b | c\nd > f', 'line break after a pipeline of three'],
    ['if a; then b | c & fi', '`&` inside a block'],
    ['x && a > f | b', 'redirection inside a pipeline'],
    ['wget x/v$V/e-$P-$A', 'third piece'],
    ['echo a"b"$1', 'positional parameter'],
    ['echo a\\ b', 'backslash before a blank'],
    ['echo "a"\\b', 'backslash after a quote'],
    ['echo } }', 'brackets after a word of brackets'],
    ['A=1 B=2\nc', 'assignments before a line break'],
    ['a \\\n', 'line continuation at the end'],
    ['a; \\\n\n', 'line continuation at the end'],
    ['g\n\\l', 'backslash at the start of a line'],
    ['d 0>w', 'file descriptor 0'],
    ['export --u=1', 'unusual option of a declaration'],
    ['g 9#"a"', 'number base without digits'],
    ['case x in *)c;; esac', 'no blank after a `case` pattern'],
    ['A=|b', '`=|` in an assignment'],
    ['echo $(C=)', '`=)` in an assignment'],
    ['echo "${P%]}"', 'unusual `${...}`'],
    ['a\r\nb', 'carriage return'],
    ['echo a>f', 'right after a word'],
    ['abc%x y', 'after a name where a command starts'],
  ])('%j (%s)', (text, reason) => {
    const read = readNativeShell(text);
    expect(typeof read === 'string' ? read : 'read natively').toContain(reason);
    agreesOrGivesUp(text);
  });
});

describe('native shell reader: agrees with tree-sitter or gives up', () => {
  const SCRIPTS = [
    'apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*',
    'set -eux; A="$(id -u)" B=${X:-1}; export PATH="/opt/bin:$PATH"; sudo -E sh -c \'make && make install\' | tee log 2>&1',
    'curl -fsSL "https://x/v${V}/a-${V}.tgz" | tar -xz -C /opt && ln -s /opt/a/bin/a /usr/bin/a || echo "failed: $?" >&2',
    "pip install 'a[b]' .[dev] && find . -name '*.pyc' -exec rm {} \\; && env X=1 Y=2 python -m x --flag=$(cat f)",
  ];

  it('on seeded random edits of realistic scripts', () => {
    const random = seededRandom(7);
    let read = 0;
    for (let n = 0; n < 300; n++) {
      const text = randomShellEdits(SCRIPTS[n % SCRIPTS.length]!, random);
      if (agreesOrGivesUp(text)) read++;
    }
    // Not a vacuous pass: many edits keep a script the reader reads.
    expect(read).toBeGreaterThan(60);
  });

  it('on seeded random scripts of the shapes RUN lines have (blocks, lists, pipelines, redirections)', () => {
    const random = seededRandom(11);
    let read = 0;
    for (let n = 0; n < 300; n++) if (agreesOrGivesUp(randomShellScript(random, 1))) read++;
    expect(read).toBeGreaterThan(10);
  });

  it('on every word of up to three pieces (quotes, expansions, brackets, escapes side by side)', () => {
    const PIECES = ['ab', '-', '"s"', "'r'", '$X', '${X}', '$1', '"$Q"', '$(c)', '[', '{}', '\\x', '7'];
    const words: string[] = [];
    for (const a of PIECES)
      for (const b of ['', ...PIECES]) for (const c of b ? ['', ...PIECES] : ['']) words.push(a + b + c);
    let read = 0;
    // Several words per script, as arguments and as the script of `sh -c`.
    for (let i = 0; i < words.length; i += 6) {
      if (agreesOrGivesUp(`echo ${words.slice(i, i + 6).join(' ')}`)) read++;
      agreesOrGivesUp(`sh -c ${words[i]} && A=${words[i + 1] ?? 'x'} cmd`);
    }
    expect(read).toBeGreaterThan(50);
  });
});
