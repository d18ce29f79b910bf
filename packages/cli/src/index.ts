export { failingFindings } from './commands/audit.js';
export type { Io } from './io.js';
export { PRESET_DIR, TOOL, VERSION } from './paths.js';
export { runCli } from './program.js';
export { allLanguages, createRegistry, loadAllRules, rulesFor } from './registry.js';
export type { ScanOptions, ScanOutcome } from './scan.js';
export { scan, scanWithConfig } from './scan.js';
