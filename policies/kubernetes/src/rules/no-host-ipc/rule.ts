import { hostNamespaceRule } from '../../host-namespace.js';

export default hostNamespaceRule({
  slug: 'no-host-ipc',
  field: 'hostIPC',
  what: 'IPC namespace',
  exposure:
    'the containers can read and write the shared memory segments and message queues of every process of the node, including those of other pods.',
  severity: 'high',
  aliases: ['CKV_K8S_18', 'KSV-0008', 'kube-linter:host-ipc', 'polaris:hostIPCSet'],
});
