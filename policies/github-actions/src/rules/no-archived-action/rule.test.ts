import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps(
      '      - uses: actions/checkout@v4\n      - uses: dtolnay/rust-toolchain@stable\n      - run: cargo clippy -- -D warnings\n',
    ),
    steps('      - uses: ruby/setup-ruby@v1\n        with: { bundler-cache: true }\n'),
  ],
  invalid: [
    {
      name: 'actions-rs toolchain and cargo',
      code: steps(
        '      - uses: actions-rs/toolchain@v1\n        with:\n          toolchain: stable\n      - uses: actions-rs/cargo@v1\n        with:\n          command: test\n',
      ),
      errors: [
        { line: 6, column: 15, endLine: 6, endColumn: 38 },
        { line: 9, column: 15, endLine: 9, endColumn: 34 },
      ],
    },
    {
      name: 'the old setup-ruby',
      code: steps('      - uses: actions/setup-ruby@v1\n        with:\n          ruby-version: 2.7\n'),
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 36 }],
    },
  ],
});
