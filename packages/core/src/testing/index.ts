export { testConfig } from './config.js';
export type { FixCase } from './fix-check.js';
export { expectFixWorks } from './fix-check.js';
export type { Line, LineUnit } from './line-language.js';
export { lineDomain, lineLanguage, wordRule } from './line-language.js';
export { describeRulePack, RULE_ID } from './rule-pack.js';
export type { ExpectedError, FixtureCase, InvalidCase, ValidCase } from './rule-tester.js';
export { expectFindings, RuleTester, readFixtureDir, runRule } from './rule-tester.js';
