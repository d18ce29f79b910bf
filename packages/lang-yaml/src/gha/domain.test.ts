import { Project, SourceFile } from '@plumbline/core';
import { expect, it } from 'vitest';
import { parseYaml } from '../language.js';
import { ghaDomain } from './domain.js';

function project(files: Record<string, string>): Project {
  return new Project(
    Object.entries(files).flatMap(([path, text]) => {
      const file = new SourceFile(path, text);
      const r = parseYaml(file);
      return r.model ? [{ language: 'yaml', file, model: r.model, comments: r.comments }] : [];
    }),
  );
}

const caller = `on: push
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
    with:
      environment: production
  publish:
    uses: acme/release-tools/.github/workflows/publish.yml@v2
`;

it("links a local reusable-workflow call to the caller's own repository only", () => {
  // Two repositories side by side (an organisation checkout): each `./.github/...` is its own.
  const links = ghaDomain.links!(
    project({ 'billing/.github/workflows/main.yml': caller, '.github/workflows/main.yml': caller }),
  );
  expect(links).toEqual([
    {
      file: 'billing/.github/workflows/main.yml',
      paths: ['billing/.github/workflows/deploy.yml', '.github/workflows/publish.yml'],
    },
    {
      file: '.github/workflows/main.yml',
      paths: ['.github/workflows/deploy.yml', '.github/workflows/publish.yml'],
    },
  ]);
  expect(links.some((l) => l.suffixes)).toBe(false);
});
