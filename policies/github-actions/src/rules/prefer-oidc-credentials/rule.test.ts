import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: kubectl get pods\n        env: { KUBECONFIG: /tmp/kind.config }\n',
  ],
  invalid: [
    {
      name: 'aws keys, azure creds, gcp key, kubeconfig written by a script, job env',
      code: [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: x',
        '    env:',
        '      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET }}',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        '          aws-access-key-id: ${{ secrets.AWS_KEY }}',
        '      - uses: azure/login@v2',
        '        with: { creds: "${{ secrets.AZURE_CREDENTIALS }}" }',
        '      - uses: google-github-actions/auth@v2',
        '        with:',
        '          credentials_json: ${{ secrets.GCP_KEY }}',
        '      - run: echo "${{ secrets.KUBE_CONFIG }}" | base64 -d > ~/.kube/config',
        '',
      ].join('\n'),
      errors: [
        { line: 6, column: 30, endLine: 6, endColumn: 55, message: '`AWS_SECRET_ACCESS_KEY`' },
        { line: 10, column: 30, endLine: 10, endColumn: 52, message: 'AWS access key' },
        { line: 12, column: 24, endLine: 12, endColumn: 58, message: 'Azure' },
        { line: 15, column: 29, endLine: 15, endColumn: 51, message: 'GCP' },
        { line: 16, column: 20, endLine: 16, endColumn: 46, message: 'kubeconfig' },
      ],
    },
  ],
});
