export { RuleTester, runRule, readFixtureDir, expectFindings } from './rule-tester.js';
export type { ExpectedError, ValidCase, InvalidCase, FixtureCase } from './rule-tester.js';
export { describeRulePack, RULE_ID } from './rule-pack.js';
