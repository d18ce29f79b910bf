import { hostNamespaceRule } from '../../host-namespace.js';

export default hostNamespaceRule({
  slug: 'no-host-network',
  field: 'hostNetwork',
  what: 'network namespace',
  exposure:
    'the pod sees every interface of the node, can bind its ports, reach services listening on localhost (the kubelet read-only port, cloud metadata proxies) and sniff traffic, and NetworkPolicies no longer apply to it.',
  severity: 'high',
  polaris: 'hostNetworkSet',
  aliases: ['CKV_K8S_19', 'KSV-0009', 'kube-linter:host-network', 'polaris:hostNetworkSet'],
});
