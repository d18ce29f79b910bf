import { spanOf } from '../../lib/index.js';
import { packagesOf } from '../../lib/packages.js';
import { gitPinned, isLocal, pinRule } from '../../lib/pin-rule.js';

const bad = 'FROM node:20-slim\nRUN npm install -g pm2\n';

export default pinRule({
  slug: 'pin-npm-versions',
  manager: 'npm',
  aliases: ['DL3016'],
  example: 'npm install -g pm2',
  unpinned: (c) => {
    if (c.base !== 'npm' && c.base !== 'yarn' && c.base !== 'pnpm') return [];
    const positional = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
    const sub = c.base === 'yarn' && positional[0] === 'global' ? positional[1] : positional[0];
    const installs = c.base === 'npm' ? ['install', 'i', 'add', 'isntall', 'in'] : ['add'];
    if (!sub || !installs.includes(sub)) return [];
    const words =
      c.base === 'yarn' && c.args[0]?.value === 'global'
        ? packagesOf(c, 'npm').slice(1)
        : packagesOf(c, 'npm');
    return words.filter((w) => {
      const v = w.value;
      // A git dependency counts as pinned only with a commit id after `#`.
      const git = gitPinned(v, 'npm');
      if (git !== undefined) return !git && !w.dynamic;
      if (isLocal(w) || /^(git\+|github:|file:|https?:)/.test(v) || v.endsWith('.tgz')) return false;
      // `@scope/name@1.2.3` is pinned; `@scope/name` is not.
      const at = v.startsWith('@') ? v.indexOf('@', 1) : v.indexOf('@');
      return at < 0 || /@(latest|next)$/.test(v);
    });
  },
  remediation:
    'Pin the version (`npm install -g pm2@5.4.2`), or list the tool in package.json and install from the lock file with `npm ci`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'pm2')] }],
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM node:20-slim\nRUN npm ci --omit=dev && npm install -g pm2@5.4.2\n',
      },
    ],
  },
});
