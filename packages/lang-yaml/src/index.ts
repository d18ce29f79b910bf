export {
  classify,
  isActionPath,
  isDependabotPath,
  isHelmValuesPath,
  isKustomizationPath,
  isWorkflowPath,
} from './classify.js';
export { yamlComments } from './comments.js';
export type { DocumentKind, Route } from './document.js';
export { YamlDocument } from './document.js';
export { parseYamlWhere } from './documents-where.js';
export * from './gha/index.js';
export * from './k8s/index.js';
export type { YamlFile } from './language.js';
export { MAX_ALIAS_EXPANSION, parseYaml, yamlLanguage } from './language.js';
export { renderedDocumentsOf } from './rendered-documents.js';
export { readYamlDocument, yamlDocumentOf } from './single-document.js';
export type { SpanKind, SpanPair } from './spans.js';
export { MERGE, SpanNode } from './spans.js';
