export { configureTerraform, terraformDomain } from './domain.js';
export { rules } from './rules/index.js';
