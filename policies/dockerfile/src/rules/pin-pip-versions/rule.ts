import { hasOption, positionals, type ShellCommand, type ShellWord, spanOf } from '../../lib/index.js';
import { asPip, packagesOf } from '../../lib/packages.js';
import { gitPinned, isLocal, pinRule } from '../../lib/pin-rule.js';

/** `pipx install black` installs the newest release of an application, like `pip install`. */
function pipxUnpinned(c: ShellCommand): ShellWord[] {
  const [sub, ...pkgs] = positionals(c, [
    '--python',
    '--pip-args',
    '--suffix',
    '--index-url',
    '-i',
    '--spec',
  ]);
  if (sub?.value !== 'install' || hasOption(c, '', ['spec'])) return [];
  return pkgs.filter((w) => !/[=<>~!@]/.test(w.value) && !isLocal(w) && !w.value.includes('/'));
}

const bad = 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n';
const TOOLING = new Set(['pip', 'setuptools', 'wheel']);

export default pinRule({
  slug: 'pin-pip-versions',
  manager: 'pip',
  aliases: ['DL3013'],
  example: 'pip install flask',
  unpinned: (c) => {
    if (c.base === 'pipx') return pipxUnpinned(c);
    const pip = asPip(c);
    if (pip?.args.find((a) => !a.value.startsWith('-'))?.value !== 'install') return [];
    // A constraints file pins whatever it lists, the packages named here included.
    if (hasOption(pip, 'c', ['constraint']) || c.env.some((e) => e.name === 'PIP_CONSTRAINT')) return [];
    const upgrade = hasOption(pip, 'U', ['upgrade']);
    return packagesOf(pip, 'pip').filter((w) => {
      const v = w.value;
      // `git+https://...` counts as pinned only with a commit id (branches and tags move).
      const git = gitPinned(v, 'pip');
      if (git !== undefined) return !git && !w.dynamic;
      if (/[=<>~!@]/.test(v) || isLocal(w) || v.includes('/') || v === '.') return false;
      // `pip install -U pip setuptools wheel` refreshes the installer itself.
      return !(upgrade && TOOLING.has(v.toLowerCase()));
    });
  },
  remediation:
    'Pin versions (`pip install flask==3.0.3`), or better install from a lock file: `pip install --require-hashes -r requirements.txt`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'flask')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      },
    ],
  },
});
