import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[pods]', '[get, list, delete]'),
    role('[configmaps]', '[create]'),
    // Kubeflow pipeline jobs are no batch Jobs: they run in the pipeline's own pods.
    role('[jobs, runs]', '[create, get]', '', 'ClusterRole', '[pipelines.kubeflow.org]'),
    role('[deployments]', '[create]', '', 'Role', '[""]'),
  ],
  invalid: [
    {
      name: 'deployments',
      code: role('[deployments]', '[create, patch]', '', 'Role', '[apps]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 28, message: '`deployments`' }],
    },
    {
      name: 'wildcard verb',
      code: role('[services, pods]', '["*"]'),
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 31 }],
    },
  ],
});
