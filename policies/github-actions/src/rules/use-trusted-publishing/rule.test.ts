import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

// A release job of a polyglot repository (CLI in Rust, SDKs for Node, Python, Ruby and .NET).
const release = (steps: string) => `name: Release
on:
  release:
    types: [published]
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: release
    steps:
      - uses: actions/checkout@v4
${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'rehearsals publish nothing',
      code: release(`      - run: |
          cargo +nightly publish -p cli --dry-run
          cargo publish -n
          uv publish --dry-run
          bun publish --dry-run
        env:
          CARGO_REGISTRY_TOKEN: \${{ secrets.CRATES_IO_TOKEN }}
          UV_PUBLISH_TOKEN: \${{ secrets.PYPI_TOKEN }}
          NPM_CONFIG_TOKEN: \${{ secrets.NPM_TOKEN }}
`),
    },
    {
      name: 'hardened: OIDC, no token',
      code: release(`      - run: uv publish --trusted-publishing always
      - run: npm publish --provenance --access public
`),
    },
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: cargo publish --dry-run --locked\n        env: { CARGO_REGISTRY_TOKEN: "${{ secrets.CRATES }}" }\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm publish --provenance\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm publish\n        env: { NODE_AUTH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }\n',
  ],
  invalid: [
    {
      name: 'every publish path with a stored token',
      code: release(`      - run: cargo +nightly publish -p cli
        env: { CARGO_REGISTRY_TOKEN: "\${{ secrets.CRATES_IO_TOKEN }}" }
      - run: uv publish
        env: { UV_PUBLISH_TOKEN: "\${{ secrets.PYPI_TOKEN }}" }
      - run: poetry publish --build -u __token__ -p "$PYPI_TOKEN"
      - run: gem push pkg/*.gem
        env: { GEM_HOST_API_KEY: "\${{ secrets.RUBYGEMS_KEY }}" }
      - run: dotnet nuget push out/*.nupkg --api-key "$NUGET_KEY" --source https://api.nuget.org/v3/index.json
      - run: yarn npm publish --access public
        env: { YARN_NPM_AUTH_TOKEN: "\${{ secrets.NPM_TOKEN }}" }
      - run: pnpm publish --no-git-checks && bun publish
        env: { NODE_AUTH_TOKEN: "\${{ secrets.NPM_TOKEN }}" }
`),
      errors: [
        { line: 13, column: 14, endLine: 13, endColumn: 36, message: 'crates.io' },
        { line: 15, column: 14, endLine: 15, endColumn: 24, message: 'PyPI' },
        { line: 17, column: 14, endLine: 17, endColumn: 28, message: 'PyPI' },
        { line: 18, column: 14, endLine: 18, endColumn: 22, message: 'RubyGems' },
        { line: 20, column: 14, endLine: 20, endColumn: 31, message: 'NuGet' },
        { line: 21, column: 14, endLine: 21, endColumn: 30, message: 'npm' },
        { line: 23, column: 14, endLine: 23, endColumn: 26, message: 'npm' },
      ],
    },
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
