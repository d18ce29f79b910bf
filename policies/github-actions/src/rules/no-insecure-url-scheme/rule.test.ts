import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps('      - run: curl -fsSLO https://downloads.example.com/tool-1.2.tar.gz\n'),
    // Service containers and loopback have no TLS and need none.
    steps(
      '      - run: |\n          curl --retry 5 http://localhost:8080/health\n          curl http://127.0.0.1:9200/_cluster/health\n          wget -qO- http://postgres:5432/ || true\n',
    ),
    // A URL in an echo or a message is text, not a download.
    steps('      - run: echo "docs are at http://docs.example.com/guide"\n'),
    steps(
      '      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n',
    ),
  ],
  invalid: [
    {
      name: 'curl over http',
      code: steps('      - run: curl -fsSLO http://downloads.example.com/tool-1.2.tar.gz\n'),
      errors: [{ line: 6, column: 26, endLine: 6, endColumn: 70 }],
    },
    {
      name: 'pip index over http in a block script',
      code: steps(
        '      - run: |\n          python -m pip install --upgrade pip\n          pip install --index-url http://pypi.internal.example.org/simple -r requirements.txt\n',
      ),
      errors: [{ line: 8, column: 35, endLine: 8, endColumn: 74 }],
    },
    {
      name: 'git clone over git://',
      code: steps('      - run: git clone git://git.example.org/tools/build-scripts.git\n'),
      errors: [{ line: 6, column: 24, endLine: 6, endColumn: 69 }],
    },
    {
      name: 'an action input pointing at a registry over http',
      code: steps(
        '      - uses: actions/setup-node@v4\n        with:\n          registry-url: http://npm.example.com/\n',
      ),
      errors: [{ line: 8, column: 25, endLine: 8, endColumn: 48 }],
    },
  ],
});
