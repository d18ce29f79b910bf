import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace, materialise } from './materialise.js';

describe('a renderer workspace', () => {
  it('holds copies at their relative paths, and nothing that would leave it', async () => {
    const workspace = await createWorkspace('test');
    try {
      await materialise(`${workspace.dir}/chart`, [
        ['Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 1.0.0\n'],
        ['templates/deployment.yaml', Buffer.from('kind: Deployment\n')],
        ['charts/cache/templates/statefulset.yaml', 'kind: StatefulSet\n'],
        ['../escape.yaml', 'kind: Secret\n'],
        ['/etc/cron.d/job', '* * * * * root true\n'],
        ['templates//double.yaml', 'kind: ConfigMap\n'],
        ['Chart.yaml', 'name: written twice, the first copy stays\n'],
      ]);
      expect(readFileSync(join(workspace.dir, 'chart/templates/deployment.yaml'), 'utf8')).toBe(
        'kind: Deployment\n',
      );
      expect(readFileSync(join(workspace.dir, 'chart/Chart.yaml'), 'utf8')).toContain('name: shop');
      expect(existsSync(join(workspace.dir, 'chart/charts/cache/templates/statefulset.yaml'))).toBe(true);
      expect(existsSync(join(workspace.dir, 'escape.yaml'))).toBe(false);
      expect(readdirSync(join(workspace.dir, 'chart/templates'))).toEqual(['deployment.yaml']);
    } finally {
      await workspace.dispose();
    }
    expect(existsSync(workspace.dir)).toBe(false);
  });
});
