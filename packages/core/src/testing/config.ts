import { DEFAULT_MAX_FILE_SIZE, type ResolvedConfig } from '../config/config.js';

/**
 * A resolved config as a test starts from: no config files, every rule at its own default, nothing
 * ignored, no exceptions, the default size limit. `overrides` replace whole fields.
 */
export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    sources: [],
    rules: new Map(),
    ignore: [],
    exceptions: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    ...overrides,
  };
}
