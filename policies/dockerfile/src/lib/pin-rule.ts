import { defineRule, type InvalidExample, type Rule, type RuleExample } from '@plumbline/core';
import {
  type DockerfileModel,
  dockerfileDomain,
  type ShellCommand,
  type ShellWord,
} from '@plumbline/lang-dockerfile';
import { commands, report } from './index.js';

/** "Pin versions in <manager>": one finding per install command, listing its unpinned packages. */
export function pinRule(spec: {
  slug: string;
  manager: string;
  aliases: string[];
  example: string;
  /** The unpinned package words of a command (empty when it is no install). */
  unpinned: (c: ShellCommand) => ShellWord[];
  remediation: string;
  examples: { invalid: InvalidExample[]; valid: RuleExample[] };
}): Rule<DockerfileModel> {
  return defineRule({
    id: `dockerfile/${spec.slug}`,
    domain: dockerfileDomain,
    meta: {
      title: `${spec.manager} package installed without a version`,
      description: `A package is installed with ${spec.manager} without a version (\`${spec.example}\`), so each build takes whatever is newest that day.`,
      rationale:
        'Low: unpinned packages make builds unreproducible and let a new (or compromised, or broken) release enter the image without review. Pinning trades this for update work, and many teams pin the base image instead, so it is low. One finding per install command lists every unpinned package of it: the cause (this command pins nothing) is one, and one comment per package drowned reviews.',
      remediation: spec.remediation,
      category: 'supply-chain',
      severity: 'low',
      confidence: 'high',
      aliases: spec.aliases,
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
      examples: spec.examples,
    },
    check(model, ctx) {
      for (const { container, command } of commands(model)) {
        const words = spec.unpinned(command);
        if (words.length === 0) continue;
        // One finding per install command (one cause: this command pins nothing), spanning its
        // unpinned packages and naming them.
        const first = words[0]!;
        const last = words[words.length - 1]!;
        report(
          ctx,
          { file: first.loc.file, start: first.loc.start, end: last.loc.end },
          container,
          unpinnedMessage(words.map((w) => w.value)),
          words.map((w) => w.value).join(' '),
        );
      }
    },
  });
}

/** `curl` is installed ...; `a`, `b` and `c` are installed ... (the first ten named). */
export function unpinnedMessage(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((n) => `\`${n}\``);
  if (names.length > 10) shown.push(`${names.length - 10} more`);
  const listed =
    shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `${listed} ${names.length === 1 ? 'is' : 'are'} installed without a pinned version.`;
}

/** Words that are paths, files, URLs or variables rather than package names. */
export function isLocal(word: ShellWord): boolean {
  const v = word.value;
  return (
    word.dynamic ||
    v.includes('$') ||
    /^[./~]/.test(v) ||
    v.includes('://') ||
    /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem)$/.test(v)
  );
}

/** A commit id: what a git reference must be to pin the code (branches and tags move). */
const COMMIT = /^[0-9a-f]{7,64}$/i;

/**
 * For a git requirement, is it pinned to a commit? `undefined` when the word is no git URL.
 * pip writes the ref after `@` in the path (`git+https://host/org/repo.git@<ref>#egg=x`),
 * npm after `#` (`git+https://host/org/repo.git#<ref>`, `github:org/repo#<ref>`).
 */
export function gitPinned(value: string, style: 'pip' | 'npm'): boolean | undefined {
  const url = value.replace(/^[\w.[\],-]+\s*@\s*(?=git\+)/, ''); // `name @ git+https://...`
  if (style === 'pip') {
    if (!/^git\+[a-z]+:\/\//i.test(url)) return undefined;
    const path = url.replace(/#.*$/, '').replace(/^git\+[a-z]+:\/\/[^/]*/i, '');
    const ref = path.split('@')[1];
    return ref !== undefined && COMMIT.test(ref);
  }
  if (!/^(git\+[a-z]+:\/\/|git:\/\/|github:|gitlab:|bitbucket:)/i.test(url)) return undefined;
  const ref = url.split('#')[1];
  return ref !== undefined && COMMIT.test(ref);
}
