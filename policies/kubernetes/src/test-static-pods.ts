/**
 * Static pod manifests laid out the way kubeadm writes `/etc/kubernetes/manifests/*.yaml`: the
 * program's flags start on line 13, column 7 (`staticPod(...)` puts flag i on line 13 + i), and
 * the `command:` key sits on line 11, columns 5-12.
 */
export function staticPod(
  component: string,
  flags: string[],
  image = `registry.k8s.io/${component}:v1.30.2`,
): string {
  return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${component}
    tier: control-plane
  name: ${component}
  namespace: kube-system
spec:
  containers:
  - command:
    - ${component}
${flags.map((f) => `    - ${f}\n`).join('')}    image: ${image}
    imagePullPolicy: IfNotPresent
    name: ${component}
    volumeMounts:
    - mountPath: /etc/kubernetes/pki
      name: k8s-certs
      readOnly: true
  hostNetwork: true
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
  - hostPath:
      path: /etc/kubernetes/pki
      type: DirectoryOrCreate
    name: k8s-certs
`;
}

/** The flags `kubeadm init` gives kube-apiserver (a 10.0.0.11 control-plane node). */
export const KUBEADM_APISERVER = [
  '--advertise-address=10.0.0.11',
  '--allow-privileged=true',
  '--authorization-mode=Node,RBAC',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--enable-admission-plugins=NodeRestriction',
  '--enable-bootstrap-token-auth=true',
  '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
  '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
  '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
  '--etcd-servers=https://127.0.0.1:2379',
  '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
  '--secure-port=6443',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
  '--service-cluster-ip-range=10.96.0.0/12',
  '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
  '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
];

/** The kubeadm flags plus what the CIS benchmark asks of the API server. */
export const HARDENED_APISERVER = [
  ...KUBEADM_APISERVER,
  '--anonymous-auth=false',
  '--profiling=false',
  '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
  '--audit-log-path=/var/log/kubernetes/audit/audit.log',
  '--audit-log-maxage=30',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
];

/** The flags `kubeadm init` gives etcd. */
export const KUBEADM_ETCD = [
  '--advertise-client-urls=https://10.0.0.11:2379',
  '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
  '--client-cert-auth=true',
  '--data-dir=/var/lib/etcd',
  '--initial-advertise-peer-urls=https://10.0.0.11:2380',
  '--initial-cluster=cp-1=https://10.0.0.11:2380',
  '--key-file=/etc/kubernetes/pki/etcd/server.key',
  '--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.11:2379',
  '--listen-peer-urls=https://10.0.0.11:2380',
  '--name=cp-1',
  '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
  '--peer-client-cert-auth=true',
  '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
  '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
];
