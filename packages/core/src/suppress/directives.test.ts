import { describe, expect, it } from 'vitest';
import { normalisePeerId, parseDirectives } from './directives.js';

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
