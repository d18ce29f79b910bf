import { describe, expect, it } from 'vitest';
import { alignRoute, indexTemplate, keyItems, keyPath } from './template-index.js';

const template = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
        - name: sidecar
          image: busybox
---
apiVersion: v1
kind: Service
`;

describe('template index', () => {
  const segments = indexTemplate(template);

  it('splits documents and finds key lines by route, list positions included', () => {
    expect(segments.map((s) => [s.startLine, s.endLine])).toEqual([
      [1, 16],
      [18, 20],
    ]);
    const sidecar = alignRoute(segments[0]!, ['spec', 'template', 'spec', 'containers', 1, 'image']);
    expect(sidecar?.key.line).toBe(16);
    const api = alignRoute(segments[0]!, ['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect([api?.key.line, api?.key.column, api?.key.valuesRefs]).toEqual([
      12,
      11,
      [
        ['image', 'repository'],
        ['image', 'tag'],
      ],
    ]);
  });

  it('knows which values a toYaml inserts, directly or through with', () => {
    const limits = alignRoute(segments[0]!, [
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'resources',
      'limits',
      'cpu',
    ]);
    expect([limits?.key.line, limits?.key.inserted, limits?.rest]).toEqual([
      13,
      ['resources'],
      ['limits', 'cpu'],
    ]);
    const user = alignRoute(segments[0]!, ['spec', 'template', 'spec', 'securityContext', 'runAsUser']);
    expect([user?.key.line, user?.key.inserted]).toEqual([7, ['podSecurityContext']]);
  });

  it('tells each key its path and the positions of the list items around it, lists in lists included', () => {
    const nested = indexTemplate(`spec:
  containers:
    - name: api
      ports:
        - containerPort: 8080
        - name: metrics
          containerPort: 9090
    - name: sidecar
      env:
        - name: MODE
          value: {{ .Values.mode | quote }}
      ports:
        - containerPort: 7000
  volumes:
    - name: data
`);
    const where = (route: (string | number)[]) => {
      const key = alignRoute(nested[0]!, route)?.key;
      return key && [key.line, keyPath(key).join('.'), keyItems(key).join(',')];
    };
    expect(where(['spec', 'containers', 0, 'ports', 1, 'containerPort'])).toEqual([
      7,
      'spec.containers.ports.containerPort',
      '0,1',
    ]);
    expect(where(['spec', 'containers', 1, 'ports', 0, 'containerPort'])).toEqual([
      13,
      'spec.containers.ports.containerPort',
      '1,0',
    ]);
    expect(where(['spec', 'containers', 1, 'env', 0, 'value'])).toEqual([
      11,
      'spec.containers.env.value',
      '1,0',
    ]);
    expect(where(['spec', 'volumes', 0, 'name'])).toEqual([15, 'spec.volumes.name', '0']);
    expect(where(['spec', 'containers'])).toEqual([2, 'spec.containers', '']);
    // Values read on a line are kept with its key; a line that reads none keeps nothing.
    expect(alignRoute(nested[0]!, ['spec', 'containers', 1, 'env', 0, 'value'])?.key.valuesRefs).toEqual([
      ['mode'],
    ]);
    expect(alignRoute(nested[0]!, ['spec', 'containers', 1, 'name'])?.key.valuesRefs).toBeUndefined();
  });
});
