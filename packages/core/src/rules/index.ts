import { parseErrorRule } from './parse-error.js';
import { renderErrorRule } from './render-error.js';
import { suppressionWithoutReasonRule } from './suppression-without-reason.js';
import { unscannableRule } from './unscannable.js';
import { unusedSuppressionRule } from './unused-suppression.js';

export { coreDomain } from './core-domain.js';
export { parseErrorRule, renderErrorRule, suppressionWithoutReasonRule, unscannableRule, unusedSuppressionRule };

/** The engine's own rules: they have docs pages and can be configured like any other. */
export const coreRules = [
  parseErrorRule,
  unscannableRule,
  renderErrorRule,
  unusedSuppressionRule,
  suppressionWithoutReasonRule,
];
