import { HARDENED, tester } from '../../test-kit.js';
import { HARDENED_APISERVER, KUBEADM_APISERVER, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened', code: staticPod('kube-apiserver', HARDENED_APISERVER) },
    {
      name: 'webhook backend',
      code: staticPod('kube-apiserver', [
        ...KUBEADM_APISERVER,
        '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
        '--audit-webhook-config-file=/etc/kubernetes/audit/webhook.kubeconfig',
      ]),
    },
    { name: 'not a control-plane pod', code: HARDENED },
  ],
  invalid: [
    {
      name: 'kubeadm default',
      code: staticPod('kube-apiserver', KUBEADM_APISERVER),
      errors: [
        {
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 12,
          message: 'has neither `--audit-policy-file` nor `--audit-log-path`',
        },
      ],
    },
    {
      name: 'a log path without a policy records nothing',
      code: staticPod('kube-apiserver', [...KUBEADM_APISERVER, '--audit-log-path=/var/log/audit.log']),
      errors: [
        {
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 12,
          message: 'no `--audit-policy-file`, so no event is recorded',
        },
      ],
    },
    {
      name: 'a policy without a backend',
      code: staticPod('kube-apiserver', ['--audit-policy-file', '/etc/kubernetes/audit/policy.yaml']),
      errors: [{ line: 11, column: 5, endLine: 11, endColumn: 12, message: 'so the events go nowhere' }],
    },
  ],
});
