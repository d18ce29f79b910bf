export { compareText } from './compare-text.js';
export * from './config/config.js';
export type { ConfigLayerOptions, LoadConfigOptions } from './config/load.js';
export {
  CONFIG_FILE_NAMES,
  configIgnores,
  findConfigFile,
  formatErrors,
  loadConfig,
  readConfigFile,
} from './config/load.js';
export { renderRuleDoc, renderRuleIndexDoc } from './docs/rule-doc.js';
export { ruleIndexSource, writeRuleIndex } from './docs/rule-index.js';
export type { AuditOptions } from './engine/audit.js';
export { compareFindings, DEFAULT_DOCS_BASE, describeRule, enabledRules, runAudit } from './engine/audit.js';
export type { Baseline } from './engine/baseline.js';
export { createBaseline, parseBaseline } from './engine/baseline.js';
export { decodeText, utf8BytesOf } from './engine/decode.js';
export type { DiskFileSourceOptions, FileSource, SourceEntry } from './engine/file-source.js';
export {
  ALWAYS_SKIPPED_DIRS,
  DiskFileSource,
  findRepositoryRootSync,
  MemoryFileSource,
  READABLE_SKIPPED_DIRS,
} from './engine/file-source.js';
export { fingerprint, normaliseEvidence } from './engine/fingerprint.js';
export { globMatcher } from './engine/globs.js';
export type { IndexedRule } from './engine/indexed-rule.js';
export { indexedRuleOf, rulesFromIndex } from './engine/indexed-rule.js';
export { parseLoading, setUpLanguage } from './engine/language-setup.js';
export type { PendingRules } from './engine/pending-rules.js';
export { debugTimeline } from './engine/pool/debug-timeline.js';
export { dropPrestarted, prestartEngineWorkers } from './engine/pool/prestart.js';
export type { AuditSetup, WorkerSetup } from './engine/pool/protocol.js';
export { type ReadOutcome, readAhead } from './engine/read-ahead.js';
export { redactRunResult } from './engine/redact-result.js';
export { aliasKey, RuleRegistry } from './engine/registry.js';
export { bufferOfShared, SharedArena, type SharedBytes } from './engine/shared-bytes.js';
export type { AuditStage, StageTimes } from './engine/stage-timer.js';
export { AUDIT_STAGES } from './engine/stage-timer.js';
export type { ScanScope } from './engine/stages/discover.js';
export { scannedPaths } from './engine/stages/discover.js';
export { compareWalkOrder } from './engine/walk-order.js';
export type { AppliedFixes } from './fix/apply.js';
export { applyFixes } from './fix/apply.js';
export { combineFixes } from './fix/combine.js';
export { unifiedDiff } from './fix/diff.js';
export { editsToLines, indentOf, insertAt, insertLinesAfter, replaceLoc } from './fix/edits.js';
export * from './model/domain.js';
export * from './model/finding.js';
export * from './model/language.js';
export { Project } from './model/project.js';
export * from './model/renderer.js';
export * from './model/rule.js';
export * from './model/severity.js';
export * from './model/source.js';
export { entropy, looksLikeSecret, redact, redactSecrets } from './redact.js';
export {
  coreDomain,
  coreRules,
  parseErrorRule,
  renderErrorRule,
  suppressionWithoutReasonRule,
  unscannableRule,
  unusedSuppressionRule,
} from './rules/index.js';
export type { Directive } from './suppress/directives.js';
export { mayHoldDirective, normalisePeerId, parseDirectives } from './suppress/directives.js';
