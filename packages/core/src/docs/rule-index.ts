import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER =
  '// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.\n';

function camel(slug: string): string {
  return slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The rule index of a policy package: one import per `src/rules/<slug>/rule.ts`. */
export function ruleIndexSource(packageDir: string): string {
  const dir = join(packageDir, 'src', 'rules');
  const slugs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'rule.ts')))
        .map((d) => d.name)
        .sort()
    : [];
  const imports = slugs.map((s) => `import ${camel(s)} from './${s}/rule.js';`).join('\n');
  return `${HEADER}import type { AnyRule } from '@plumbline/core';\n${imports}\n\nexport const rules: AnyRule[] = [${slugs.map(camel).join(', ')}];\n`;
}

export const RULE_INDEX_PATH = ['src', 'rules', 'index.ts'];

/** Writes the index when it changed; returns true when it did. */
export function writeRuleIndex(packageDir: string): boolean {
  const path = join(packageDir, ...RULE_INDEX_PATH);
  const next = ruleIndexSource(packageDir);
  if (existsSync(path) && readFileSync(path, 'utf8') === next) return false;
  writeFileSync(path, next);
  return true;
}
