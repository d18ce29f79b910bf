import { fileURLToPath } from 'node:url';
import { describeRulePack } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { rules } from './index.js';

describeRulePack({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  domain: 'terraform',
  rules,
  languages: [hclLanguage],
});
