import { fileURLToPath } from 'node:url';
import { describeRulePack } from '@plumbline/core/testing';
import { rules } from './rules/index.js';
import { languages } from './test-kit.js';

describeRulePack({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  domain: 'k8s',
  rules,
  languages,
});
