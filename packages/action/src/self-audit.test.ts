import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '@plumbline/cli';
import { atLeast } from '@plumbline/core';
import { describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe("the Action's own workflow and action.yml", () => {
  it('pass Plumbline (strict preset) with nothing above low', async () => {
    const result = await scan({ root: repoRoot, presets: ['strict'], include: ['.github/**', 'action.yml'] });
    expect(result.summary.files).toBeGreaterThanOrEqual(2);
    const serious = result.findings.filter((f) => !f.suppressed && atLeast(f.severity, 'medium'));
    expect(serious.map((f) => `${f.file}:${f.startLine} ${f.ruleId} ${f.message}`)).toEqual([]);
  });
});
