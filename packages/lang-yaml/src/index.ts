export { yamlLanguage, parseYaml, MAX_ALIAS_EXPANSION } from './language.js';
export type { YamlFile } from './language.js';
export { YamlDocument } from './document.js';
export type { Route, DocumentKind } from './document.js';
export { classify, isWorkflowPath, isActionPath } from './classify.js';
export { yamlComments } from './comments.js';
export * from './gha/index.js';
