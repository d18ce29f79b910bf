import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../file-source.js';
import { crossedShards } from './crossed-shards.js';
import type { ShardPlan } from './plan-shards.js';

const shard = (...paths: string[]) => ({
  entries: paths.map((path): SourceEntry => ({ path, size: 100 })),
  bytes: 100 * paths.length,
  cost: 100 * paths.length,
});

const plan: ShardPlan = {
  leader: shard('README.md', 'charts/web/templates/deployment.yaml'),
  others: [
    shard('deploy/overlays/prod/kustomization.yaml', 'deploy/overlays/prod/patch.yaml'),
    shard('deploy/base/deployment.yaml', 'deploy/base/service.yaml'),
    shard('.github/workflows/main.yml'),
    shard('ci/reusable/.github/workflows/deploy.yml'),
  ],
  spread: { yaml: 4 },
};
const yaml = (path: string) => (/\.ya?ml$/.test(path) ? 'yaml' : undefined);

describe('crossedShards', () => {
  it('is empty when every link stays in its shard', () => {
    expect(
      crossedShards(
        plan,
        [[{ file: 'deploy/overlays/prod/kustomization.yaml', paths: ['deploy/overlays/prod/patch.yaml'] }]],
        yaml,
      ),
    ).toEqual([]);
  });

  it('ties the shards a kustomization folder link and a workflow call reach', () => {
    expect(
      crossedShards(
        plan,
        [
          [{ file: 'deploy/overlays/prod/kustomization.yaml', folders: ['deploy/base'] }],
          [{ file: '.github/workflows/main.yml', suffixes: ['.github/workflows/deploy.yml'] }],
        ],
        yaml,
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("reaches only the files directly in `dirs` folders, and only of the link's languages", () => {
    const tf: ShardPlan = {
      leader: shard(),
      others: [
        shard('infra/live/main.tf', 'infra/live/values.yaml'),
        shard('infra/modules/vpc/main.tf'),
        shard('infra/modules/vpc/examples/main.tf'),
        shard('infra/modules/vpc/chart.yaml'),
      ],
      spread: { hcl: 3, yaml: 2 },
    };
    const language = (path: string) => (path.endsWith('.tf') ? 'hcl' : 'yaml');
    const link = { file: 'infra/live/main.tf', dirs: ['infra/modules/vpc'], languages: ['hcl'] };
    expect(crossedShards(tf, [[link]], language)).toEqual([[1, 2]]);
    const { languages: _, ...anyLanguage } = link;
    expect(crossedShards(tf, [[anyLanguage]], language)).toEqual([[1, 2, 4]]);
    expect(crossedShards(tf, [[{ ...link, dirs: [''] }]], language)).toEqual([]);
  });

  it('ignores leader files nothing parses, but not the ones a language claims', () => {
    expect(crossedShards(plan, [[{ file: 'deploy/base/service.yaml', paths: ['README.md'] }]], yaml)).toEqual(
      [],
    );
    expect(crossedShards(plan, [[{ file: 'deploy/base/service.yaml', folders: ['charts'] }]], yaml)).toEqual([
      [0, 2],
    ]);
  });
});
