import { parseErrorRule } from './parse-error.js';
import { renderErrorRule } from './render-error.js';
import { suppressionWithoutReasonRule } from './suppression-without-reason.js';
import { unusedSuppressionRule } from './unused-suppression.js';

export { coreDomain } from './core-domain.js';
export { parseErrorRule, renderErrorRule, suppressionWithoutReasonRule, unusedSuppressionRule };

/** The engine's own rules: they have docs pages and can be configured like any other. */
export const coreRules = [parseErrorRule, renderErrorRule, unusedSuppressionRule, suppressionWithoutReasonRule];
