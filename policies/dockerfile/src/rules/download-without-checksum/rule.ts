import { defineRule } from '@plumbline/core';
import { dockerfileDomain, type ShellCommand, type ShellWord } from '@plumbline/lang-dockerfile';
import { findOption, instructionsOf, positionals, report, runCommands, spanOf } from '../../lib/index.js';

/** Commands that check a download against a known digest or signature. */
const VERIFIERS = new Set([
  'sha256sum',
  'sha512sum',
  'sha384sum',
  'sha1sum',
  'shasum',
  'md5sum',
  'b2sum',
  'gpg',
  'gpgv',
  'cosign',
  'minisign',
  'signify',
  'slsa-verifier',
]);
const INTERPRETERS = new Set([
  'sh',
  'bash',
  'dash',
  'zsh',
  'ash',
  'ksh',
  'python',
  'python3',
  'perl',
  'ruby',
  'node',
  'php',
]);
const CURL_WITH_VALUE = [
  '-H',
  '-u',
  '-A',
  '-e',
  '-x',
  '-d',
  '-X',
  '-m',
  '-w',
  '-T',
  '-b',
  '-c',
  '-r',
  '-C',
  '--header',
  '--user',
  '--proxy',
  '--data',
  '--request',
  '--max-time',
  '--retry',
  '--connect-timeout',
  '--cacert',
  '--cert',
  '--resolve',
  '--write-out',
  '-o',
  '--output',
];
const WGET_WITH_VALUE = [
  '-O',
  '--output-document',
  '-P',
  '--directory-prefix',
  '-t',
  '--tries',
  '-T',
  '--timeout',
  '--header',
  '--user',
  '--password',
  '-U',
  '--user-agent',
  '-o',
  '-a',
];

/** The file a `curl`/`wget` call writes, with the word to point at; undefined for stdout or no download. */
function downloaded(c: ShellCommand): { file: string; at: ShellWord } | undefined {
  if (c.base === 'curl') {
    const url = positionals(c, CURL_WITH_VALUE).find((w) => /^(https?|ftp):\/\//.test(w.value));
    if (!url) return undefined;
    const out = optionValue(c, ['-o', '--output']);
    if (out !== undefined) return out === '-' ? undefined : { file: out, at: url };
    if (findOption(c, 'O', ['remote-name'])) return { file: basename(url.value), at: url };
    return undefined;
  }
  if (c.base === 'wget') {
    const url = positionals(c, WGET_WITH_VALUE).find((w) => /^(https?|ftp):\/\//.test(w.value));
    if (!url) return undefined;
    const out = optionValue(c, ['-O', '--output-document']);
    if (out === '-') return undefined;
    return { file: out ?? basename(url.value), at: url };
  }
  return undefined;
}

function optionValue(c: ShellCommand, names: string[]): string | undefined {
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i]!.value;
    if (names.includes(v)) return c.args[i + 1]?.value;
    const long = names.find((n) => n.startsWith('--') && v.startsWith(`${n}=`));
    if (long) return v.slice(long.length + 1);
    const short = names.find(
      (n) => !n.startsWith('--') && v.startsWith(n) && v.length > n.length && !v.startsWith('--'),
    );
    if (short) return v.slice(short.length);
  }
  return undefined;
}

function basename(url: string): string {
  return (
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? ''
  );
}

/** Does `word` name `file` (same path, or the same file name from another directory)? */
function names(word: string, file: string): boolean {
  const b = basename(file);
  return word === file || word === `./${b}` || word.endsWith(`/${b}`) || word === b;
}

/** Does this command run or install the downloaded file? */
function executes(c: ShellCommand, file: string): boolean {
  const args = c.args.map((a) => a.value);
  if (names(c.name, file) && (c.name.includes('/') || c.name.startsWith('.'))) return true;
  if (INTERPRETERS.has(c.base))
    return (
      args.find((a) => !a.startsWith('-')) !== undefined && names(args.find((a) => !a.startsWith('-'))!, file)
    );
  if (c.base === 'chmod')
    return args.some((a) => /(\+x|^[0-7]*[1357][0-7]{0,2}$)/.test(a)) && args.some((a) => names(a, file));
  if (c.base === 'dpkg' || c.base === 'rpm')
    return (
      args.some((a) => /^-[a-zA-Z]*[iU]/.test(a) || a === '--install') && args.some((a) => names(a, file))
    );
  if (['apt-get', 'apt', 'yum', 'dnf', 'apk', 'zypper'].includes(c.base))
    return args.some((a) => a.includes('/') && names(a, file));
  return false;
}

const bad =
  'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/install.sh https://get.example.com/install.sh && sh /tmp/install.sh\n';

export default defineRule({
  id: 'dockerfile/download-without-checksum',
  domain: dockerfileDomain,
  meta: {
    title: 'Downloaded file executed without a checksum',
    description:
      'A `RUN` downloads a file with `curl` or `wget` and then runs it (`sh install.sh`, `./tool`, `chmod +x`, `dpkg -i`) without checking it against a known digest or signature (`sha256sum -c`, `gpg --verify`, `cosign verify-blob`) in the same `RUN`.',
    rationale:
      'Medium: whoever controls the URL (the publisher, a compromised release, a hijacked domain or mirror) runs code in the build, and the result is baked into every image built afterwards. A pinned checksum turns a silent swap into a failed build. Medium, as for `ADD` of a remote file, because the download is usually over HTTPS from a known publisher; piping straight into a shell is `dockerfile/no-curl-pipe-shell`. A download that is only unpacked or copied is not reported, nor one whose URL names a git commit (content-addressed).',
    remediation:
      'Pin the expected digest next to the URL and check it before use: `curl -fsSLo tool.tgz "$URL" && echo "$SHA256  tool.tgz" | sha256sum -c -`; or verify the publisher signature (`gpg --verify`, `cosign verify-blob`). Better still, install from a package manager or copy from a pinned image (`COPY --from=`).',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    examples: {
      invalid: [
        { filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'https://get.example.com/install.sh')] },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nARG SHA256=4f5c7d1e2a9b8c3d6e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d\nRUN curl -fsSL -o /tmp/install.sh https://get.example.com/install.sh \\\n && echo "$SHA256  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'RUN')) {
      const commands = runCommands(instruction);
      if (
        commands.some((c) => VERIFIERS.has(c.base) || (c.base === 'openssl' && c.args[0]?.value === 'dgst'))
      )
        continue;
      commands.forEach((c, i) => {
        const download = downloaded(c);
        if (!download?.file) return;
        // A URL that names a git commit (`raw.githubusercontent.com/o/r/<sha>/...`) is content-addressed.
        if (/\/[0-9a-f]{40}\//.test(download.at.value)) return;
        const runner = commands.slice(i + 1).find((later) => executes(later, download.file));
        if (!runner) return;
        report(
          ctx,
          download.at,
          container,
          `\`${basename(download.file)}\` is downloaded and then run (\`${runner.name}\`) without a checksum or signature check.`,
          download.at.value,
        );
      });
    }
  },
});
