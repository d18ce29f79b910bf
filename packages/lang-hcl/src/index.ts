export type { Attribute, Block, Body, Expr, ObjectItem, Step } from './ast.js';
export { attribute, childBlocks } from './ast.js';
export { FUNCTIONS } from './functions.js';
export type { JsonEntry, JsonNode } from './json.js';
export { JsonSyntaxError, jsonValue, parseJson } from './json.js';
export type { HclFile, HclFileKind } from './language.js';
export { hclFileKind, hclLanguage, jsonExpr, parseHcl } from './language.js';
export type { Bindings, DownloadedModule, ModuleCall, ModuleOptions } from './module.js';
export {
  BlockView,
  buildModules,
  evalConstant,
  localModuleDir,
  readPath,
  TfModule,
  TfResource,
} from './module.js';
export type { HclInitOptions } from './parser.js';
export { initHclParser, parseHclText, unescapeQuoted } from './parser.js';
export { renderTemplate } from './template.js';
export * from './value.js';
