import { tester } from '../../test-kit.js';
import rule from './rule.js';

const ACCOUNTS = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-api
  namespace: payments
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-worker
  namespace: payments
`;

const deployment = (name: string, account: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: payments
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      serviceAccountName: ${account}
      containers:
        - name: app
          image: ghcr.io/acme/${name}:3.1.0
`;

tester.run(rule, {
  valid: [
    {
      name: 'both accounts defined and used',
      filename: 'deploy/payments/api.yaml',
      code: deployment('payments-api', 'payments-api'),
      files: {
        'deploy/payments/accounts.yaml': ACCOUNTS,
        'deploy/payments/worker.yaml': deployment('payments-worker', 'payments-worker'),
      },
    },
    {
      name: 'an account created elsewhere (no account of this folder is left unused)',
      filename: 'deploy/payments/api.yaml',
      code: deployment('payments-api', 'vault-auth'),
      files: {
        'deploy/payments/accounts.yaml': ACCOUNTS,
        'deploy/payments/worker.yaml': `${deployment('payments-worker', 'payments-worker')}---\n${deployment('payments-sync', 'payments-api')}`,
      },
    },
    {
      name: 'the unused account lives in a sibling tree',
      filename: 'team-a/api.yaml',
      code: deployment('payments-api', 'payments-api-sa'),
      files: { 'team-b/accounts.yaml': ACCOUNTS },
    },
    {
      name: 'the account is in another namespace only',
      filename: 'deploy/api.yaml',
      code: deployment('payments-api', 'payments-api').replace(/namespace: payments/, 'namespace: billing'),
      files: { 'deploy/accounts.yaml': ACCOUNTS },
    },
  ],
  invalid: [
    {
      name: 'renamed account: the Deployment still names the old one',
      filename: 'deploy/payments/api.yaml',
      code: deployment('payments-api', 'payments'),
      files: {
        'deploy/payments/accounts.yaml': ACCOUNTS,
        'deploy/payments/worker.yaml': deployment('payments-worker', 'payments-worker'),
      },
      errors: [{ line: 13, column: 27, endLine: 13, endColumn: 35 }],
    },
  ],
});

tester.run(rule, {
  valid: [
    {
      name: 'a kustomize tree assembles the account from a sibling folder',
      filename: 'config/manager/manager.yaml',
      code: deployment('payments-api', 'controller-manager'),
      files: {
        'config/manager/accounts.yaml': ACCOUNTS,
        'config/rbac/service-account.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: controller-manager\n  namespace: payments\n',
        'config/kustomization.yaml': 'resources:\n  - manager\n  - rbac\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the same folder without a kustomization',
      filename: 'config/manager/manager.yaml',
      code: deployment('payments-api', 'controller-manager'),
      files: { 'config/manager/accounts.yaml': ACCOUNTS },
      errors: [{ line: 13, column: 27, endLine: 13, endColumn: 45 }],
    },
  ],
});
