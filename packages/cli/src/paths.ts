import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository checkout this CLI runs from (packages/cli/dist → ../../..). */
const repoRoot = new URL('../../../', import.meta.url);

export const PRESET_DIR = fileURLToPath(new URL('policies/presets/', repoRoot));

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const TOOL = {
  name: 'plumbline',
  version: VERSION,
  informationUri: 'https://github.com/plumbline-dev/plumbline',
};
