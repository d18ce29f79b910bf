export { annotationSuppressions, k8sDomain } from './domain.js';
export { rules } from './rules/index.js';
