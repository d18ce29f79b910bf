import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';

export const languages = [yamlLanguage];
export const tester = new RuleTester(languages);

/** The guide's production Deployment, hardened: every pod-level rule must stay quiet on it. */
export const HARDENED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: production
  labels:
    app: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: api
    spec:
      serviceAccountName: api
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: api
      containers:
        - name: api
          image: ghcr.io/myorg/api:1.4.2@sha256:4b1c3a6f0e2d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 30
            periodSeconds: 10
`;

/**
 * One `spec` line for pod(): the pod states `runAsNonRoot` and a seccomp profile, so a test can
 * leave exactly one of the five restricted settings unset (two or more unset are reported together
 * by k8s/require-security-context).
 */
export const POD_HARDENED =
  '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n';

/**
 * A Pod manifest: `spec` lines (indented 2) go before `containers`, `container` lines (indented 6)
 * after the container's `image`. Lines: 1-5 header; spec lines from 6; then `containers:`,
 * `- name: app`, `image: app:1.0`, then the container lines.
 */
export function pod(container = '', spec = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n${spec}  containers:\n    - name: app\n      image: app:1.0\n${container}`;
}

/** A Role (or ClusterRole) with one rule; the rule's lines are 6 (apiGroups), 7 (resources), 8 (verbs), 9 (extra). */
export function role(
  resources: string,
  verbs: string,
  extra = '',
  kind = 'Role',
  apiGroups = '[""]',
): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n  - apiGroups: ${apiGroups}\n    resources: ${resources}\n    verbs: ${verbs}\n${extra}`;
}

/** A binding; roleRef name on line 8, first subject name on line 11. */
export function binding(
  roleName: string,
  subjectKind: string,
  subjectName: string,
  kind = 'ClusterRoleBinding',
  roleKind = 'ClusterRole',
): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${roleKind}\n  name: ${roleName}\nsubjects:\n  - kind: ${subjectKind}\n    name: ${subjectName}\n    namespace: shop\n`;
}
