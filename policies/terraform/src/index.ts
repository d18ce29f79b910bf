export { configureTerraform, terraformDomain } from './domain.js';
export { documentStatements, type PolicyStatement, policyStatements } from './lib/iam.js';
export { rules } from './rules/index.js';
