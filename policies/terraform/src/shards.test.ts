import { describe, expect, it } from 'vitest';
import { terraformPartition } from './shards.js';

const sorted = (groups: string[][]) =>
  groups.map((g) => [...g].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('terraformPartition', () => {
  it('keeps each repository of a multi-repository scan together, and repositories apart', () => {
    const groups = terraformPartition([
      // A module repository: examples call `../../`, wrappers `../../modules/x`.
      'sg/main.tf',
      'sg/examples/ssh/main.tf',
      'sg/modules/http/main.tf',
      'sg/wrappers/http/main.tf',
      // No Terraform at the top: environments call `../../modules/x` through a folder without files.
      'infra/envs/prod/main.tf',
      'infra/envs/prod/terraform.tfvars',
      'infra/modules/vpc/main.tf',
      // Deeper: samples whose roots call `../modules/x`.
      'samples/db/terraform/gke/main.tf',
      'samples/db/terraform/modules/network/main.tf',
      'samples/web/terraform/main.tf',
    ]);
    expect(sorted(groups)).toEqual([
      ['infra/envs/prod/main.tf', 'infra/envs/prod/terraform.tfvars', 'infra/modules/vpc/main.tf'],
      // `samples/web/terraform` climbs to `samples`, whose subtree holds the other sample.
      [
        'samples/db/terraform/gke/main.tf',
        'samples/db/terraform/modules/network/main.tf',
        'samples/web/terraform/main.tf',
      ],
      ['sg/examples/ssh/main.tf', 'sg/main.tf', 'sg/modules/http/main.tf', 'sg/wrappers/http/main.tf'],
    ]);
  });

  it('joins everything when Terraform files sit at the root of the scan', () => {
    expect(terraformPartition(['main.tf', 'a/b/c/main.tf', 'd/main.tf'])).toEqual([
      ['main.tf', 'a/b/c/main.tf', 'd/main.tf'],
    ]);
  });
});
