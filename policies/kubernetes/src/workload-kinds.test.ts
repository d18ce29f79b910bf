// Pod templates of workload-shaped custom resources (Knative, KEDA, Tekton, unknown CRDs) reach
// the pack's rules with exact spans; reliability rules written for Deployments leave them alone.
import noDefaultServiceAccount from './rules/no-default-service-account/rule.js';
import noHostNetwork from './rules/no-host-network/rule.js';
import noLatestImage from './rules/no-latest-image/rule.js';
import noPrivilegedContainer from './rules/no-privileged-container/rule.js';
import requirePodDisruptionBudget from './rules/require-pod-disruption-budget/rule.js';
import requireProbes from './rules/require-probes/rule.js';
import serviceSelectsNothing from './rules/service-selects-nothing/rule.js';
import { tester } from './test-kit.js';

const KNATIVE = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: image-resizer
  namespace: media
spec:
  template:
    metadata:
      annotations:
        autoscaling.knative.dev/max-scale: "20"
    spec:
      serviceAccountName: image-resizer
      containerConcurrency: 10
      containers:
        - image: ghcr.io/acme/image-resizer:2.4.1
          ports:
            - containerPort: 8080
          securityContext:
            privileged: true
`;

const TASK = `apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: build-image
spec:
  params:
    - name: IMAGE
      type: string
  stepTemplate:
    securityContext:
      privileged: true
  steps:
    - name: build
      image: quay.io/buildah/stable:v1.37.0
      script: |
        buildah bud --storage-driver=vfs -t $(params.IMAGE) .
    - name: push
      image: quay.io/buildah/stable:v1.37.0
      securityContext:
        privileged: false
      script: buildah push $(params.IMAGE)
`;

const TASK_RUN = `apiVersion: tekton.dev/v1
kind: TaskRun
metadata:
  generateName: build-image-run-
spec:
  taskRef:
    name: build-image
  params:
    - name: IMAGE
      value: ghcr.io/acme/app:1.0.0
  podTemplate:
    hostNetwork: true
    nodeSelector:
      kubernetes.io/arch: amd64
`;

tester.run(noPrivilegedContainer, {
  valid: [
    {
      name: 'hardened Knative Service',
      filename: 'serving/resizer.yaml',
      code: KNATIVE.replace('privileged: true', 'privileged: false'),
    },
  ],
  invalid: [
    {
      name: 'privileged Knative Service',
      filename: 'serving/resizer.yaml',
      code: KNATIVE,
      errors: [{ line: 19, column: 25, endLine: 19, endColumn: 29 }],
    },
    {
      name: 'Tekton stepTemplate makes a step privileged; the step that says false is not',
      filename: 'tekton/build-image.yaml',
      code: TASK,
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 23 }],
    },
    {
      name: 'KEDA ScaledJob',
      filename: 'keda/consumer.yaml',
      code: `apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata:
  name: consumer
spec:
  jobTargetRef:
    template:
      spec:
        restartPolicy: Never
        containers:
          - name: consumer
            image: ghcr.io/acme/consumer:0.9.0
            securityContext: {privileged: true}
  triggers:
    - type: aws-sqs-queue
      metadata: {queueURL: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", queueLength: "5"}
`,
      errors: [{ line: 13, column: 43, endLine: 13, endColumn: 47 }],
    },
    {
      name: 'unknown custom resource embedding a pod template',
      filename: 'notebooks/jupyter.yaml',
      code: `apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: gpu-lab
spec:
  template:
    spec:
      containers:
        - name: gpu-lab
          image: kubeflownotebookswg/jupyter-pytorch-cuda:v1.9.0
          securityContext:
            privileged: true
`,
      errors: [{ line: 12, column: 25, endLine: 12, endColumn: 29 }],
    },
  ],
});

tester.run(noHostNetwork, {
  valid: [{ name: 'TaskRun without host settings', code: TASK_RUN.replace('    hostNetwork: true\n', '') }],
  invalid: [
    {
      name: 'TaskRun pod template on the host network',
      filename: 'tekton/run.yaml',
      code: TASK_RUN,
      errors: [{ line: 12, column: 18, endLine: 12, endColumn: 22 }],
    },
  ],
});

tester.run(noLatestImage, {
  valid: [{ name: 'pinned steps', code: TASK }],
  invalid: [
    {
      name: 'Tekton step on an untagged image',
      code: TASK.replace(
        'quay.io/buildah/stable:v1.37.0\n      securityContext',
        'quay.io/buildah/stable\n      securityContext',
      ),
      errors: [{ line: 18, column: 14, endLine: 18, endColumn: 36 }],
    },
  ],
});

tester.run(noDefaultServiceAccount, {
  valid: [
    { name: 'a Task runs under the account its TaskRun names', code: TASK },
    { name: 'Knative Service with its own account', code: KNATIVE },
  ],
  invalid: [
    {
      name: 'TaskRun pod template without an account',
      code: TASK_RUN,
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 14 }],
    },
  ],
});

// Knative scales revisions on requests and injects a readiness probe; these rules are about
// Deployment-like lifecycles, so only the Deployment beside the Knative Service is reported.
const WORKER = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: thumbnail-worker
  namespace: media
spec:
  replicas: 3
  selector:
    matchLabels: {app: thumbnail-worker}
  template:
    metadata:
      labels: {app: thumbnail-worker}
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/thumbnail-worker:2.4.1
`;
tester.run(requireProbes, {
  valid: [{ name: 'Knative Service', code: KNATIVE }],
  invalid: [
    {
      name: 'only the Deployment beside it',
      filename: 'media/app.yaml',
      code: KNATIVE + WORKER,
      errors: [{ line: 35, column: 11, endLine: 35, endColumn: 23 }],
    },
  ],
});
tester.run(requirePodDisruptionBudget, {
  valid: [{ name: 'Knative Service', code: KNATIVE }],
  invalid: [
    {
      name: 'only the Deployment beside it',
      filename: 'media/app.yaml',
      code: KNATIVE + WORKER,
      errors: [{ line: 24, column: 9, endLine: 24, endColumn: 25 }],
    },
  ],
});

const METRICS_SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: image-resizer-metrics
  namespace: media
spec:
  selector:
    serving.knative.dev/service: image-resizer
  ports:
    - name: metrics
      port: 9090
`;
tester.run(serviceSelectsNothing, {
  valid: [
    {
      name: 'a Service selecting Knative revision pods by the label Knative adds',
      filename: 'media/app.yaml',
      code: KNATIVE + WORKER + METRICS_SERVICE,
    },
  ],
  invalid: [
    {
      name: 'the same Service beside Deployments only',
      filename: 'media/app.yaml',
      code: WORKER.slice(4) + METRICS_SERVICE,
      errors: [{ line: 24, column: 3, endLine: 24, endColumn: 11 }],
    },
  ],
});
