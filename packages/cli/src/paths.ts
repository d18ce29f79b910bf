import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository checkout this CLI runs from (packages/cli/dist → ../../..). */
const repoRoot = new URL('../../../', import.meta.url);

/** The presets: next to the published bundle (bundle/presets), else in the checkout. */
const bundledPresets = fileURLToPath(new URL('presets/', import.meta.url));
export const PRESET_DIR = existsSync(bundledPresets)
  ? bundledPresets
  : fileURLToPath(new URL('policies/presets/', repoRoot));

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const TOOL = {
  name: 'plumbline',
  version: VERSION,
  informationUri: 'https://github.com/plumbline-dev/plumbline',
};
