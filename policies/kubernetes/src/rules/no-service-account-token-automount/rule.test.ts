import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: default}\n';
const withAccount = pod('', '  serviceAccountName: app\n');

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'default account: left to k8s/no-default-service-account (one root cause, one finding)',
      code: pod(),
    },
    {
      name: 'default account with a stated true: also left to k8s/no-default-service-account',
      code: pod('', '  serviceAccountName: default\n  automountServiceAccountToken: true\n'),
    },
    { name: 'an account the repository does not declare', code: withAccount },
    {
      name: 'the ServiceAccount opts out',
      code: withAccount,
      files: { 'k8s/sa.yaml': `${SA}automountServiceAccountToken: false\n` },
    },
    {
      name: 'the pod opts out',
      code: pod('', '  serviceAccountName: app\n  automountServiceAccountToken: false\n'),
      files: { 'k8s/sa.yaml': SA },
    },
    {
      name: 'the pod states it needs the token',
      code: pod('', '  serviceAccountName: app\n  automountServiceAccountToken: true\n'),
      files: { 'k8s/sa.yaml': SA },
    },
    {
      name: 'a RoleBinding grants the account rights (subject namespace from the binding)',
      code: withAccount,
      files: {
        'k8s/sa.yaml': SA,
        'k8s/rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: default}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - {kind: ServiceAccount, name: app}\n',
      },
    },
    {
      name: 'a ClusterRoleBinding to every service account of the namespace',
      code: withAccount,
      files: {
        'k8s/sa.yaml': SA,
        'k8s/rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:serviceaccounts:default"}\n',
      },
    },
    {
      name: 'a ClusterRoleBinding names the account without a namespace (kustomize fills it in)',
      code: withAccount,
      files: {
        'k8s/sa.yaml': SA,
        'k8s/rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: c}\nsubjects:\n  - {kind: ServiceAccount, name: app}\n',
      },
    },
    {
      name: 'a kubectl container uses the rights every account has',
      code: pod('      command: [kubectl, proxy, --port=8080]\n', '  serviceAccountName: app\n'),
      files: { 'k8s/sa.yaml': SA },
    },
    {
      name: 'cloud workload identity needs the token',
      code: withAccount,
      files: {
        'k8s/sa.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/app"}\n',
      },
    },
    {
      name: 'Argo workflows need the token',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  serviceAccountName: app\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
      files: { 'argo/sa.yaml': SA },
    },
  ],
  invalid: [
    {
      name: 'declared account, bound to nothing, token left mounted',
      code: withAccount,
      files: { 'k8s/sa.yaml': SA },
      errors: [
        {
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 26,
          message:
            'Pod `app` mounts the API token of ServiceAccount `app`, which no Role or ClusterRole is bound to.',
        },
      ],
    },
    {
      name: 'a binding for the same name in another namespace does not count',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: shop}\nspec:\n  template:\n    spec:\n      serviceAccountName: app\n      containers: [{name: a, image: "a:1"}]\n',
      files: {
        'k8s/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: shop}\n',
        'k8s/rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: other}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - {kind: ServiceAccount, name: app}\n',
      },
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 30, message: 'Deployment `d`' }],
    },
  ],
});
