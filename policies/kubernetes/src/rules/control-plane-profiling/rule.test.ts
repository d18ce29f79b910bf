import { HARDENED, tester } from '../../test-kit.js';
import { HARDENED_APISERVER, KUBEADM_APISERVER, KUBEADM_ETCD, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

const CONTROLLER_MANAGER = [
  '--allocate-node-cidrs=true',
  '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--bind-address=127.0.0.1',
  '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
  '--kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--leader-elect=true',
  '--use-service-account-credentials=true',
];

tester.run(rule, {
  valid: [
    { name: 'hardened API server', code: staticPod('kube-apiserver', HARDENED_APISERVER) },
    {
      name: 'controller manager with profiling off',
      code: staticPod('kube-controller-manager', [...CONTROLLER_MANAGER, '--profiling=false']),
    },
    {
      name: 'etcd is not profiled by default',
      code: staticPod('etcd', KUBEADM_ETCD, 'registry.k8s.io/etcd:3.5.12-0'),
    },
    { name: 'not a control-plane pod', code: HARDENED },
  ],
  invalid: [
    {
      name: 'kubeadm API server',
      code: staticPod('kube-apiserver', KUBEADM_APISERVER),
      errors: [
        { line: 11, column: 5, endLine: 11, endColumn: 12, message: 'runs without `--profiling=false`' },
      ],
    },
    {
      name: 'kubeadm controller manager',
      code: staticPod('kube-controller-manager', CONTROLLER_MANAGER),
      errors: [
        {
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 12,
          message: '`kube-controller-manager` (container `kube-controller-manager`',
        },
      ],
    },
    {
      name: 'scheduler that turns it on explicitly',
      code: staticPod('kube-scheduler', ['--kubeconfig=/etc/kubernetes/scheduler.conf', '--profiling=true']),
      errors: [{ line: 14, column: 7, endLine: 14, endColumn: 23, message: 'sets `--profiling=true`' }],
    },
  ],
});
