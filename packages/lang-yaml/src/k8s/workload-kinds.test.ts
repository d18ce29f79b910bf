import { SourceFile } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../language.js';
import { k8sObjectsOf } from './object.js';
import { podSpecsOf } from './pod.js';

function views(path: string, text: string) {
  const file = new SourceFile(path, text);
  const objects = k8sObjectsOf(parseYaml(file).model!);
  return objects.flatMap((o) => podSpecsOf(o).map((view) => ({ object: o, view })));
}

const span = (loc: { file: SourceFile; start: number; end: number } | undefined) =>
  loc
    ? [loc.file.span(loc.start, loc.end).startLine, loc.file.span(loc.start, loc.end).startColumn]
    : undefined;

describe('pod templates of workload-shaped custom resources', () => {
  it('reads a Knative Service, Configuration and Revision as managed pods', () => {
    const found = views(
      'serving/hello.yaml',
      `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
  namespace: apps
spec:
  template:
    metadata:
      labels:
        app: hello
      annotations:
        autoscaling.knative.dev/min-scale: "1"
    spec:
      containerConcurrency: 80
      containers:
        - image: ghcr.io/acme/hello:1.3.0
          ports:
            - containerPort: 8080
          securityContext:
            privileged: true
  traffic:
    - latestRevision: true
      percent: 100
---
apiVersion: serving.knative.dev/v1
kind: Configuration
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/worker:2.0.1
---
apiVersion: serving.knative.dev/v1
kind: Revision
metadata:
  name: hello-00001
  labels:
    serving.knative.dev/service: hello
spec:
  containers:
    - image: ghcr.io/acme/hello:1.2.9
`,
    );
    expect(
      found.map(({ object, view }) => [object.kind, view.workloadClass, view.containers.length]),
    ).toEqual([
      ['Service', 'managed', 1],
      ['Configuration', 'managed', 1],
      ['Revision', 'managed', 1],
    ]);
    const [service, , revision] = found;
    expect(service!.view.labels).toEqual({ app: 'hello' });
    const privileged = service!.view.containers[0]!.security('privileged')!;
    expect(span(service!.object.at(privileged.route))).toEqual([20, 25]);
    expect(revision!.view.labels).toEqual({ 'serving.knative.dev/service': 'hello' });
  });

  it('leaves a core Service and an unrelated CRD named Service alone', () => {
    const found = views(
      'k8s/svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
    );
    expect(found).toEqual([]);
  });

  it('reads the job template of a KEDA ScaledJob', () => {
    const [found] = views(
      'keda/scaledjob.yaml',
      `apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata:
  name: queue-consumer
spec:
  jobTargetRef:
    backoffLimit: 4
    template:
      metadata:
        labels: {app: queue-consumer}
      spec:
        restartPolicy: Never
        containers:
          - name: consumer
            image: ghcr.io/acme/consumer:0.9.0
  pollingInterval: 30
  triggers:
    - type: rabbitmq
      metadata: {queueName: orders, mode: QueueLength, value: "5"}
`,
    );
    expect(found!.view.workloadClass).toBe('batch');
    expect(found!.view.containers.map((c) => c.name)).toEqual(['consumer']);
    expect(span(found!.view.anchor)).toEqual([11, 7]);
    expect(found!.view.field('restartPolicy')?.value).toBe('Never');
  });

  it('reads Tekton Task steps as containers that inherit the stepTemplate', () => {
    const [found] = views(
      'tekton/build.yaml',
      `apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: buildah
spec:
  params:
    - name: IMAGE
  stepTemplate:
    securityContext:
      runAsNonRoot: true
      runAsUser: 1000
  steps:
    - name: build
      image: quay.io/buildah/stable:v1.37.0
      script: buildah bud -t $(params.IMAGE) .
      securityContext:
        privileged: true
    - name: push
      image: quay.io/buildah/stable:v1.37.0
      securityContext:
        runAsUser: 0
  sidecars:
    - name: registry
      image: registry:2.8.3
  volumes:
    - name: varlibcontainers
      emptyDir: {}
`,
    );
    const { object, view } = found!;
    expect(view.part).toBe('containers');
    expect(view.containers.map((c) => c.name)).toEqual(['build', 'push', 'registry']);
    const [build, push, registry] = view.containers;
    // The step's own value, else the stepTemplate's line; sidecars do not inherit the template.
    expect(span(object.at(build!.security('privileged')!.route))).toEqual([17, 21]);
    expect(span(object.at(build!.security('runAsUser')!.route))).toEqual([11, 18]);
    expect(push!.security('runAsUser')?.value).toBe(0);
    expect(registry!.security('runAsNonRoot')).toBeUndefined();
    expect(view.volumes.map((v) => v.name)).toEqual(['varlibcontainers']);
    expect(view.field('serviceAccountName')).toBeUndefined();
  });

  it('reads the pod templates of Tekton runs as pod-level settings without containers', () => {
    const found = views(
      'tekton/runs.yaml',
      `apiVersion: tekton.dev/v1
kind: TaskRun
metadata:
  generateName: build-
spec:
  serviceAccountName: builder
  taskRef:
    name: buildah
  podTemplate:
    hostNetwork: true
    securityContext:
      fsGroup: 65532
---
apiVersion: tekton.dev/v1
kind: PipelineRun
metadata:
  name: release
spec:
  pipelineRef:
    name: release
  taskRunTemplate:
    serviceAccountName: releaser
    podTemplate:
      nodeSelector: {pool: ci}
  taskRunSpecs:
    - pipelineTaskName: scan
      podTemplate:
        hostPID: true
---
apiVersion: tekton.dev/v1
kind: TaskRun
metadata:
  name: plain
spec:
  taskRef: {name: lint}
`,
    );
    expect(found.map(({ object, view }) => [object.kind, view.part, view.containers.length])).toEqual([
      ['TaskRun', 'pod-fields', 0],
      ['PipelineRun', 'pod-fields', 0],
      ['PipelineRun', 'pod-fields', 0],
    ]);
    const [taskRun, pipeline, scan] = found;
    expect(span(taskRun!.object.at(taskRun!.view.field('hostNetwork')!.route))).toEqual([10, 18]);
    expect(taskRun!.view.field('serviceAccountName')?.value).toBe('builder');
    expect(pipeline!.view.field('serviceAccountName')?.value).toBe('releaser');
    // A per-task override inherits the PipelineRun's account and adds its own settings.
    expect(scan!.view.field('serviceAccountName')?.value).toBe('releaser');
    expect(span(scan!.object.at(scan!.view.field('hostPID')!.route))).toEqual([28, 18]);
    expect(scan!.view.field('nodeSelector')?.value).toEqual({ pool: 'ci' });
  });

  it('falls back to a PodTemplateSpec embedded in an unknown custom resource', () => {
    const found = views(
      'notebooks/jupyter.yaml',
      `apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: jupyter
  namespace: team-a
spec:
  template:
    spec:
      containers:
        - name: jupyter
          image: kubeflownotebookswg/jupyter-scipy:v1.9.0
          securityContext:
            allowPrivilegeEscalation: true
---
apiVersion: batch.acme.io/v1
kind: ReportSchedule
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: ghcr.io/acme/report:1.0.0
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: events
spec:
  kafka:
    template:
      pod:
        securityContext: {runAsUser: 1001}
---
apiVersion: apps/v1
kind: ControllerRevision
metadata:
  name: not-a-workload
spec:
  template:
    spec:
      containers: [{name: x, image: "x:1"}]
`,
    );
    expect(found.map(({ object, view }) => [object.kind, view.workloadClass, span(view.anchor)])).toEqual([
      ['Notebook', 'managed', [8, 5]],
      ['ReportSchedule', 'batch', [23, 9]],
    ]);
    const escalation = found[0]!.view.containers[0]!.security('allowPrivilegeEscalation')!;
    expect(span(found[0]!.object.at(escalation.route))).toEqual([13, 39]);
  });
});
