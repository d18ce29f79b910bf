import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n        with: { username: "${{ secrets.DOCKERHUB_USERNAME }}" }\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with: { role-to-assume: "${{ secrets.AWS_ROLE_ARN }}", aws-region: "${{ secrets.AWS_REGION }}" }\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh pr list\n        env: { GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}" }\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    environment:\n      name: prod\n    steps:\n      - run: echo ${{ secrets.X }}\n',
  ],
  invalid: [
    {
      name: 'reported once per secret per job',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.A }} ${{ secrets.A }}\n      - uses: o/a@v1\n        with: { key: "${{ secrets.B }}" }\n',
      errors: [
        { line: 6, column: 23, endLine: 6, endColumn: 32 },
        { line: 8, column: 27, endLine: 8, endColumn: 36 },
      ],
    },
  ],
});
