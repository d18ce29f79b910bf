import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: cargo publish --dry-run --locked\n        env: { CARGO_REGISTRY_TOKEN: "${{ secrets.CRATES }}" }\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm publish --provenance\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm publish\n        env: { NODE_AUTH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }\n',
  ],
  invalid: [
    {
      name: 'npm with a job-level token, twine with a step token',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n    steps:\n      - run: npm ci && npm publish --access public\n      - run: twine upload dist/*\n        env: { TWINE_PASSWORD: "${{ secrets.PYPI }}" }\n',
      errors: [
        { line: 8, column: 24, endLine: 8, endColumn: 35, message: 'npm' },
        { line: 9, column: 14, endLine: 9, endColumn: 26, message: 'PyPI' },
      ],
    },
  ],
});
