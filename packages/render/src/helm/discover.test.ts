import type { SourceEntry } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { ChartIndex } from './chart-index.js';
import { discoverCharts } from './discover.js';

const listing = (paths: string[]): SourceEntry[] => paths.map((path) => ({ path, size: 100 }));

// A platform repository: an umbrella chart with a vendored subchart and an example chart kept
// inside it, a shared library chart beside it, and values pulled alongside a registry chart.
const repo = listing([
  'deploy/charts/payments/Chart.yaml',
  'deploy/charts/payments/values.yaml',
  'deploy/charts/payments/values-prod.yaml',
  'deploy/charts/payments/values/eu.yaml',
  'deploy/charts/payments/templates/deployment.yaml',
  'deploy/charts/payments/templates/_helpers.tpl',
  'deploy/charts/payments/charts/redis/Chart.yaml',
  'deploy/charts/payments/charts/redis/values.yaml',
  'deploy/charts/payments/charts/redis/values-ha.yaml',
  'deploy/charts/payments/charts/redis/templates/statefulset.yaml',
  'deploy/charts/payments/examples/minimal/Chart.yaml',
  'deploy/charts/payments/examples/minimal/values-local.yaml',
  'deploy/charts/payments/examples/minimal/templates/pod.yaml',
  'deploy/charts/common/Chart.yaml',
  'deploy/charts/common/templates/_labels.tpl',
  'deploy/ingress-nginx/Chart.yaml',
  'deploy/ingress-nginx/values.yaml',
  'README.md',
]);

describe('discoverCharts', () => {
  const charts = discoverCharts(new ChartIndex(repo));
  const byDir = new Map(charts.map((c) => [c.dir, c]));

  it('renders a subchart under charts/ with its parent, and a chart kept elsewhere on its own', () => {
    expect(charts.map((c) => c.dir)).toEqual([
      'deploy/charts/common',
      'deploy/ingress-nginx',
      'deploy/charts/payments',
      'deploy/charts/payments/examples/minimal',
    ]);
  });

  it('gives a chart its subcharts’ files but not a nested chart’s, nor its values files', () => {
    const payments = byDir.get('deploy/charts/payments')!;
    expect(payments.files.map((e) => e.path)).toContain('deploy/charts/payments/charts/redis/values-ha.yaml');
    expect(payments.files.some((e) => e.path.includes('/examples/'))).toBe(false);
    // The subchart's values-ha.yaml is its own values set, not a values set of the umbrella chart.
    expect(payments.valuesFiles).toEqual(['values-prod.yaml', 'values/eu.yaml']);
    expect(byDir.get('deploy/charts/payments/examples/minimal')!.valuesFiles).toEqual(['values-local.yaml']);
  });

  it('knows which charts have templates (values pulled beside a registry chart have none)', () => {
    expect(charts.map((c) => [c.dir, c.hasTemplates])).toEqual([
      ['deploy/charts/common', true],
      ['deploy/ingress-nginx', false],
      ['deploy/charts/payments', true],
      ['deploy/charts/payments/examples/minimal', true],
    ]);
  });

  it('finds a chart at the root of the scan', () => {
    const root = discoverCharts(
      new ChartIndex(listing(['Chart.yaml', 'templates/cm.yaml', 'values-dev.yaml'])),
    );
    expect(root).toEqual([
      {
        dir: '',
        files: listing(['Chart.yaml', 'templates/cm.yaml', 'values-dev.yaml']),
        valuesFiles: ['values-dev.yaml'],
        hasTemplates: true,
      },
    ]);
  });
});
