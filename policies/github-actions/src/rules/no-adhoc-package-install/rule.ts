import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { scriptLines } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

/** An install command of a language package manager, and where its arguments start. */
const INSTALL =
  /\b(?:(?:python3?\s+-m\s+)?pip3?\s+install|uv\s+(?:pip\s+install|tool\s+install)|pipx\s+install|npm\s+(?:install|i)\s+(?:-g|--global)|yarn\s+global\s+add|pnpm\s+(?:add|install)\s+(?:-g|--global)|gem\s+install|cargo\s+install|go\s+install)\b/;
/** Arguments that read a manifest or lock file, or name a local path, instead of a package. */
const MANIFEST =
  /^(?:-r|--requirement|-c|--constraint|-e|--editable|--path|\.|\.\/|\.\.|\/|--locked\b.*--path)/;
/** A version pinned to one release: `name==1.2.3`, `name@1.2.3`, `name@v1.2.3`. */
const PINNED = /(?:==|@v?)\d+(?:\.\d+)+\S*$|@[0-9a-f]{40}$/;

/** Unpinned package names (not options, not manifests) installed by one line, with their offsets. */
function installed(line: string): { name: string; offset: number }[] {
  const m = INSTALL.exec(line);
  if (!m) return [];
  const out: { name: string; offset: number }[] = [];
  const rest = line.slice(m.index + m[0].length);
  let skipNext = false;
  let sawManifest = false;
  for (const arg of rest.matchAll(/\S+/g)) {
    const word = arg[0];
    if (/^(?:&&|\|\||;|\||>|2>|#)/.test(word)) break;
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (MANIFEST.test(word)) {
      sawManifest = true;
      if (/^-[a-z]$|^--(?:requirement|constraint|editable|path)$/.test(word)) skipNext = true;
      continue;
    }
    // Options with a separate value: version flags pin what follows.
    if (
      /^--(?:version|vers|index-url|extra-index-url|target|root|prefix|python|registry|tag|git|branch|rev)$/.test(
        word,
      )
    ) {
      if (/^--(?:version|vers|tag|rev)$/.test(word)) return [];
      skipNext = true;
      continue;
    }
    if (word.startsWith('-') || word.includes('$') || word.includes('${{')) continue;
    if (PINNED.test(word.replace(/['"]/g, ''))) continue;
    out.push({ name: word.replace(/['"]/g, ''), offset: m.index + m[0].length + arg.index! });
  }
  return sawManifest ? [] : out;
}

export default defineRule({
  id: 'gha/no-adhoc-package-install',
  domain: ghaDomain,
  meta: {
    title: 'Tool installed ad hoc at its newest version',
    description:
      'A `run:` step installs a package by name without pinning a version and outside any manifest or lock file (`pip install tox`, `npm install -g pnpm`, `gem install bundler`, `cargo install cargo-deny`, `go install x@latest`).',
    rationale:
      'What gets installed is whatever the registry serves at that moment, with its whole dependency tree, unreviewed and unlocked: a typo, a hijacked package or a breaking release runs in the job with its token and secrets, and builds stop being reproducible. Low, opt-in: very common for CI tooling, and the risk depends on the package.',
    remediation:
      'Pin an exact version (`pip install tox==4.23.2`, `npm install -g pnpm@9.15.0`, `go install …@v1.2.3`) or install from a locked manifest (`pip install -r requirements-ci.txt --require-hashes`, `cargo install --locked`).',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:adhoc-packages'],
    references: ['https://pip.pypa.io/en/stable/topics/secure-installs/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install tox\n',
          errors: [{ line: 6, column: 26, endLine: 6, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install tox==4.23.2\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      if (!step.run?.text) continue;
      for (const line of scriptLines(step.run.text)) {
        for (const pkg of installed(line.text)) {
          const start = line.start + pkg.offset;
          const name = line.text.slice(pkg.offset).match(/^\S+/)![0];
          ctx.report({
            at: step.run.locate(start, start + name.length),
            message: `\`${pkg.name}\` is installed at whatever version the registry serves today.`,
            resource: resourceOf(step),
            container: step,
            evidence: pkg.name,
          });
        }
      }
    }
  },
});
