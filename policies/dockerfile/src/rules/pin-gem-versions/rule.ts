import { hasOption, spanOf } from '../../lib/index.js';
import { packagesOf } from '../../lib/packages.js';
import { isLocal, pinRule } from '../../lib/pin-rule.js';

const bad = 'FROM ruby:3.3-slim\nRUN gem install bundler\n';

export default pinRule({
  slug: 'pin-gem-versions',
  manager: 'gem',
  aliases: ['DL3028'],
  example: 'gem install bundler',
  unpinned: (c) => {
    if (c.base !== 'gem' || c.args.find((a) => !a.value.startsWith('-'))?.value !== 'install') return [];
    if (hasOption(c, 'v', ['version'])) return [];
    // Words after `--` are build flags for native extensions (`-- --with-pg-config=...`), not gems.
    const end = c.args.findIndex((a) => a.value === '--');
    const gems = end < 0 ? c : { ...c, args: c.args.slice(0, end) };
    return packagesOf(gems, 'gem').filter((w) => !w.value.includes(':') && !isLocal(w));
  },
  remediation: 'Pin the version: `gem install bundler:2.5.11` or `gem install bundler -v 2.5.11`.',
  examples: {
    invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'bundler')] }],
    valid: [{ filename: 'Dockerfile', code: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.11\n' }],
  },
});
