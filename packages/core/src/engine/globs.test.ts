import { describe, expect, it } from 'vitest';
import { globMatcher } from './globs.js';

describe('globMatcher', () => {
  const cases: [string, string, boolean][] = [
    ['vendor/**', 'vendor/a/b.yaml', true],
    ['vendor/**', 'src/vendor/b.yaml', false],
    ['vendor/', 'vendor/b.yaml', true],
    ['k8s', 'k8s/deploy.yaml', true],
    ['k8s', 'apps/k8s/deploy.yaml', true],
    ['k8s', 'k8s.yaml', false],
    ['infra/prod', 'infra/prod/main.tf', true],
    ['infra/prod', 'other/infra/prod/main.tf', false],
    ['*.md', 'docs/a.md', true],
    ['x.txt', 'x.txt', true],
    ['x.txt', 'sub/x.txt', true],
    ['./Dockerfile', 'Dockerfile', true],
    ['**/testdata/**', 'a/testdata/x.yaml', true],
    ['.github/workflows/*.yml', '.github/workflows/ci.yml', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      expect(globMatcher([pattern])(path)).toBe(expected);
    });
  }
});
