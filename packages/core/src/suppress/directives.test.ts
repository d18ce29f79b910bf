import { describe, expect, it } from 'vitest';
import { mayHoldDirective, normalisePeerId, parseDirectives } from './directives.js';

const c = (text: string, line = 1) => ({ text, line, ownLine: true, start: 0, end: text.length + 1 });

describe('parseDirectives', () => {
  it('reads Plumbline and peer ignore comments', () => {
    const d = parseDirectives([
      c(' plumbline:ignore dockerfile/no-root-user, DL3008 -- base image needs root'),
      c(' plumbline:ignore k8s/x'),
      c(' hadolint ignore=DL3008,DL3015'),
      c(' zizmor: ignore[template-injection]'),
      c('checkov:skip=CKV_AWS_20:public website'),
      c('trivy:ignore:AVD-AWS-0086'),
      c(' just a comment'),
    ]);
    expect(d.map((x) => [x.syntax, x.rules, x.reason])).toEqual([
      ['plumbline', ['dockerfile/no-root-user', 'DL3008'], 'base image needs root'],
      ['plumbline', ['k8s/x'], ''],
      ['hadolint', ['DL3008', 'DL3015'], 'hadolint ignore comment'],
      ['zizmor', ['zizmor:template-injection'], 'zizmor ignore comment'],
      ['checkov', ['CKV_AWS_20'], 'public website'],
      ['trivy', ['AWS-0086'], 'trivy ignore comment'],
    ]);
  });

  it('spells peer ids one way', () => {
    expect(
      ['AVD-DS-0002', 'DS002', 'ds-0002', 'KSV017', 'dl3008', 'ckv_k8s_16'].map(normalisePeerId),
    ).toEqual(['DS-0002', 'DS-0002', 'DS-0002', 'KSV-0017', 'DL3008', 'CKV_K8S_16']);
  });
});

describe('mayHoldDirective', () => {
  const directives = [
    ' plumbline:ignore k8s/privileged -- the node agent needs it',
    'plumbline:ignore',
    ' hadolint ignore=DL3008',
    ' zizmor: ignore[artipacked]',
    'checkov:skip=CKV_K8S_20',
    'trivy:ignore:KSV-0001',
  ];

  it('lets through every comment parseDirectives reads, wherever it sits in a file', () => {
    for (const text of directives) {
      expect(parseDirectives([c(text)])).toHaveLength(1);
      const file = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web  #${text}\n`;
      expect(mayHoldDirective(file)).toBe(true);
    }
  });

  it('turns away text with comments but no directive, and other spellings the readers ignore', () => {
    const chart = [
      '{{- /* the proxy sidecar; see values.yaml */ -}}',
      '# Plumbline:Ignore is not a directive (the readers are case-sensitive)',
      '# checkov skip: ask the security team',
      'spec:',
      '  containers:',
      '    - name: proxy # trivy: ignore this image',
    ].join('\n');
    expect(parseDirectives(chart.split('\n').map((line) => c(line.slice(line.indexOf('#') + 1))))).toEqual(
      [],
    );
    expect(mayHoldDirective(chart)).toBe(false);
  });
});
