import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector:\n    matchLabels: {app: api}\n  ingress: [{from: [{namespaceSelector: {}}]}]\n',
    // Calico's own policy kind selects with `selector:`.
    'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  selector: app == "api"\n',
  ],
  invalid: [
    {
      name: 'selector mis-indented under metadata',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db-egress\n  namespace: data\n  podSelector:\n    matchLabels: {app: db}\nspec:\n  policyTypes: [Egress]\n  egress: []\n',
      errors: [
        {
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 5,
          message:
            'NetworkPolicy `db-egress` has no `podSelector`: it applies to every pod of namespace `data`.',
        },
      ],
    },
  ],
});
