export { ghaDomain } from '@plumbline/lang-yaml';
export { rules } from './rules/index.js';
