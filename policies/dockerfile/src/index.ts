export { dockerfileDomain, dockerfileLanguage } from '@plumbline/lang-dockerfile';
export { rules } from './rules/index.js';
