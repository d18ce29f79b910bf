import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const img = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'registry with port and tag', code: img('registry.local:5000/team/app:2.0') },
    {
      name: 'latest pinned by digest',
      code: img('app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    },
    { name: 'Argo placeholder', code: img('"{{inputs.parameters.image}}"') },
    {
      name: 'tag set by a kustomization of an overlay',
      filename: 'base/pod.yaml',
      code: img('ghcr.io/org/app'),
      files: {
        'overlays/prod/kustomization.yaml':
          'resources: [../../base]\nimages:\n  - name: ghcr.io/org/app\n    newTag: 1.4.2\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an overlay that sets newTag: latest does not pin the image',
      filename: 'base/pod.yaml',
      code: img('ghcr.io/org/app'),
      files: {
        'overlays/dev/kustomization.yaml':
          'resources: [../../base]\nimages:\n  - name: ghcr.io/org/app\n    newTag: latest\n',
      },
      errors: [{ line: 7, column: 14, endLine: 7, endColumn: 29, message: 'no tag' }],
    },
    {
      name: 'an images: entry in an unrelated folder does not pin this image',
      filename: 'team-a/pod.yaml',
      code: img('ghcr.io/org/app:latest'),
      files: {
        'team-b/kustomization.yaml':
          'resources: [app.yaml]\nimages:\n  - name: ghcr.io/org/app\n    newTag: 1.4.2\n',
      },
      errors: [{ line: 7, column: 14, endLine: 7, endColumn: 36, message: '`latest` tag' }],
    },
    {
      name: 'registry port, no tag',
      code: img('registry.local:5000/team/app'),
      errors: [{ line: 7, column: 14, endLine: 7, endColumn: 42, message: 'no tag' }],
    },
    {
      name: 'plain latest',
      code: img('nginx:latest'),
      errors: [{ line: 7, column: 14, endLine: 7, endColumn: 26, message: '`latest` tag' }],
    },
    {
      name: 'Argo workflow step',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: prep\n      container:\n        image: ghcr.io/myorg/data-prep:latest\n',
      errors: [{ line: 8, column: 16, endLine: 8, endColumn: 46, message: 'template `prep`' }],
    },
  ],
});
