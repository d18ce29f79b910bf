import { describe, expect, it } from 'vitest';
import { alignRoute, indexTemplate } from './template-index.js';

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
});
