import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps(
      '      - run: |\n          python -m pip install -r requirements-dev.txt\n          pip install -e .\n          pip install tox==4.23.2 "nox==2024.10.9"\n',
    ),
    steps('      - run: npm install -g pnpm@9.15.0 && pnpm install --frozen-lockfile\n'),
    steps(
      '      - run: cargo install cargo-deny --locked --version 0.16.2\n      - run: go install golang.org/x/tools/cmd/goimports@v0.28.0\n',
    ),
    // npm install without -g installs from package.json.
    steps('      - run: npm install\n      - run: pip install .\n'),
  ],
  invalid: [
    {
      name: 'pip and gem by name',
      code: steps(
        '      - run: |\n          pip install --upgrade tox build\n          gem install bundler\n',
      ),
      errors: [
        { line: 7, column: 33, endLine: 7, endColumn: 36 },
        { line: 7, column: 37, endLine: 7, endColumn: 42 },
        { line: 8, column: 23, endLine: 8, endColumn: 30 },
      ],
    },
    {
      name: 'go install @latest',
      code: steps('      - run: go install github.com/securego/gosec/v2/cmd/gosec@latest\n'),
      errors: [{ line: 6, column: 25, endLine: 6, endColumn: 70 }],
    },
  ],
});
