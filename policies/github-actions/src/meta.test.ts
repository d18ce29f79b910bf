import { fileURLToPath } from 'node:url';
import { describeRulePack } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { rules } from './rules/index.js';

describeRulePack({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  domain: 'gha',
  rules,
  languages: [yamlLanguage],
});
