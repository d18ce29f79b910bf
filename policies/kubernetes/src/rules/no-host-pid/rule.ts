import { hostNamespaceRule } from '../../host-namespace.js';

export default hostNamespaceRule({
  slug: 'no-host-pid',
  field: 'hostPID',
  what: 'process namespace',
  exposure:
    'the containers see every process of the node, can read their environment and command lines (secrets of other pods included) and, with enough privileges, signal or trace them.',
  severity: 'high',
  polaris: 'hostPIDSet',
  aliases: ['CKV_K8S_17', 'KSV-0010', 'kube-linter:host-pid', 'polaris:hostPIDSet'],
});
