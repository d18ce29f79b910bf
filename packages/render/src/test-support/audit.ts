import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MemoryFileSource, type Renderer, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { rules } from '@plumbline/policy-kubernetes';
import { findOnPath } from '../binary.js';

export const FIXTURE = new URL('../../../../fixtures/deploy-units', import.meta.url).pathname;

/** The real Helm: `PLUMBLINE_HELM` (what .ci/run unpacks) or `helm` on PATH. */
export const HELM = process.env.PLUMBLINE_HELM || findOnPath('helm');

/** A folder read into memory: the renderers must work from the FileSource alone. */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export async function audit(
  files: Record<string, string>,
  renderers: Renderer[],
  helmValues?: Record<string, string[]>,
) {
  return runAudit({
    source: new MemoryFileSource(files),
    languages: [yamlLanguage],
    registry: new RuleRegistry(rules),
    renderers,
    config: testConfig(helmValues ? { helm: { values: helmValues } } : {}),
    now: new Date('2026-01-01'),
  });
}
