import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const job = (steps: string, perms = '      contents: write\n') =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n${perms}    steps:\n      - uses: actions/checkout@v4\n${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    { name: 'hardened: contents read', code: job('      - run: make test\n', '      contents: read\n') },
    {
      name: 'pushes with the persisted checkout credentials',
      code: job('      - run: git commit -am bump && git push\n'),
    },
    { name: 'creates a release with gh', code: job('      - run: gh release create v1 dist/*\n') },
    { name: 'an opaque release script', code: job('      - run: make release\n') },
    { name: 'a lower-case push that is not docker', code: job('      - run: ./hack/push-chart.sh\n') },
    {
      name: 'the token is handed to a script',
      code: job('      - env:\n          TOKEN: ${{ secrets.GITHUB_TOKEN }}\n        run: ./ci/upload.sh\n'),
    },
    { name: 'an action that may write', code: job('      - uses: softprops/action-gh-release@v2\n') },
    { name: 'a local action', code: job('      - uses: ./.github/actions/build\n') },
    {
      name: 'github-script can do anything with the token',
      code: job('      - uses: actions/github-script@v7\n'),
    },
    {
      name: 'a reusable workflow call',
      code: 'on: push\njobs:\n  rel:\n    permissions:\n      contents: write\n    uses: ./.github/workflows/release.yml\n',
    },
    {
      name: 'contents read with another write scope',
      code: job('      - run: go test ./...\n', '      contents: read\n      packages: write\n'),
    },
  ],
  invalid: [
    {
      name: 'image build pushed to a registry: docker push and tags are not repository writes',
      code: job(
        '      - uses: docker/login-action@v3\n        with:\n          username: u\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - run: |\n          export TAG=$(cat images/nginx/TAG)\n          docker buildx build --push -t org/nginx:${TAG} .\n          docker tag org/nginx:${TAG} org/nginx:latest && docker push org/nginx:latest\n',
        '      contents: write\n      packages: write\n',
      ),
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 22 }],
    },
    {
      name: 'build and test job with setup, cache, docker build and codeql',
      code: job(
        '      - uses: actions/setup-node@v4\n      - uses: actions/cache@v4\n      - run: |\n          npm ci\n          npm test\n      - uses: docker/build-push-action@v6\n      - uses: github/codeql-action/analyze@v3\n',
        '      contents: write\n      security-events: write\n',
      ),
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 22, message: 'Job `build` grants `contents: write`' },
      ],
    },
    {
      name: 'flow-style permissions',
      code: 'on: push\njobs:\n  lint:\n    runs-on: x\n    permissions: { contents: write }\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx eslint .\n',
      errors: [{ line: 5, column: 20, endLine: 5, endColumn: 35 }],
    },
  ],
});
