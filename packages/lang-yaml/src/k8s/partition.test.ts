import { describe, expect, it } from 'vitest';
import { ghaDomain } from '../gha/domain.js';
import { k8sPartition } from './graph.js';

const sorted = (groups: string[][]) =>
  groups.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('k8sPartition', () => {
  it('keeps a folder with the folders above it, and sibling trees apart', () => {
    const groups = k8sPartition([
      'shop/deploy/base/deployment.yaml',
      'shop/deploy/base/kustomization.yaml',
      'shop/deploy/overlays/prod/kustomization.yaml',
      'shop/deploy/overlays/prod/replicas-patch.yaml',
      'shop/charts/cart/values.yaml',
      'shop/charts/cart/Chart.yaml',
      'mesh/k8s/namespace.yaml',
      'mesh/k8s/gateway/deployment.yaml',
      'mesh/k8s/auth/deployment.yaml',
      'mesh/.github/workflows/ci.yml',
      'fleet/service-1/deployment.yaml',
      'fleet/service-2/deployment.yaml',
    ]);
    expect(sorted(groups)).toEqual([
      ['fleet/service-1/deployment.yaml'],
      ['fleet/service-2/deployment.yaml'],
      ['mesh/.github/workflows/ci.yml'],
      // `mesh/k8s` holds a file: both folders below it meet it.
      ['mesh/k8s/auth/deployment.yaml', 'mesh/k8s/gateway/deployment.yaml', 'mesh/k8s/namespace.yaml'],
      // The overlay's `../../base` is a sibling tree: the two folders above a kustomization count
      // as holding YAML (`shop/deploy`, and for the base's own kustomization `shop`, so the chart too).
      [
        'shop/charts/cart/Chart.yaml',
        'shop/charts/cart/values.yaml',
        'shop/deploy/base/deployment.yaml',
        'shop/deploy/base/kustomization.yaml',
        'shop/deploy/overlays/prod/kustomization.yaml',
        'shop/deploy/overlays/prod/replicas-patch.yaml',
      ],
    ]);
  });

  it('joins everything under a root kustomization, not under any other root file', () => {
    expect(k8sPartition(['kustomization.yaml', 'a/x.yaml', 'b/c/y.yaml'])).toHaveLength(1);
    // `stats.json` or a Namespace at the root: the graph's links tie objects there to everything.
    expect(k8sPartition(['stats.json', 'a/x.yaml', 'b/c/y.yaml'])).toHaveLength(3);
    // A kustomization one level down does not pull the root in.
    expect(k8sPartition(['apps/kustomization.yaml', 'infra/db.yaml'])).toHaveLength(2);
  });
});

describe('ghaDomain.partition', () => {
  it('groups the .github folder of each repository, leaves other files alone', () => {
    const groups = ghaDomain.partition!([
      '.github/workflows/ci.yml',
      '.github/dependabot.yml',
      'vendor/lib/.github/workflows/test.yml',
      'deploy/base/deployment.yaml',
      'actions/setup/action.yml',
    ]);
    expect(sorted(groups)).toEqual([
      ['.github/dependabot.yml', '.github/workflows/ci.yml'],
      ['vendor/lib/.github/workflows/test.yml'],
    ]);
  });
});
