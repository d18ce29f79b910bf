import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) =>
  `on: pull_request\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps(
      '      - uses: azure/setup-helm@v4\n        with:\n          version: v3.16.2\n      - run: helm lint charts/app\n',
    ),
    steps('      - uses: astral-sh/setup-uv@v6\n        with:\n          version-file: pyproject.toml\n'),
    // Actions that pin their tool themselves, or read it from the repository.
    steps(
      '      - uses: actions/setup-node@v4\n        with:\n          node-version-file: .nvmrc\n      - uses: sigstore/cosign-installer@v3\n',
    ),
  ],
  invalid: [
    {
      name: 'no version input',
      code: steps('      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: fs\n'),
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 47 }],
    },
    {
      name: 'version: latest',
      code: steps('      - uses: azure/setup-kubectl@v4\n        with:\n          version: latest\n'),
      errors: [{ line: 8, column: 20, endLine: 8, endColumn: 26 }],
    },
  ],
});
