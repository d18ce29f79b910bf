import { fileURLToPath } from 'node:url';
import { describeRulePack } from '@plumbline/core/testing';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { rules } from './index.js';

describeRulePack({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  domain: 'dockerfile',
  rules,
  languages: [dockerfileLanguage],
});
