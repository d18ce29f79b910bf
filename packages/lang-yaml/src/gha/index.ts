export { buildAction, buildWorkflow, parseImage, parseUses, triggerTrust, ValueReader } from './build.js';
export type { DependabotConfig, DependabotProblem, DependabotUpdate } from './dependabot.js';
export { buildDependabot, dependabotDomain } from './dependabot.js';
export {
  allSteps,
  ancestors,
  envFor,
  ghaDomain,
  ghaUnits,
  localCallTarget,
  repositoryOf,
  workflowOf,
} from './domain.js';
export type { ContextPath, ExpressionInfo, RawExpression } from './expressions.js';
export {
  analyseExpression,
  findExpressions,
  KNOWN_CONTEXTS,
  pathMatches,
  segmentsMatch,
} from './expressions.js';
export * from './model.js';
export type { ScalarSource, ScalarStyle } from './scalar-map.js';
export { mapScalar } from './scalar-map.js';
