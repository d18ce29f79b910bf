import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [{ name: 'hardened deployment', code: HARDENED }, 'apiVersion: extensions/v1beta1\nkind: SomethingCustom\nmetadata: {name: x}\n'],
  invalid: [
    { name: 'extensions Ingress', code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n', errors: [{ line: 1, column: 13, endLine: 1, endColumn: 31, message: 'use networking.k8s.io/v1' }] },
    { name: 'HPA v2beta2 in a List', code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: autoscaling/v2beta2\n    kind: HorizontalPodAutoscaler\n    metadata: {name: h}\n', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 36, message: '1.26' }] },
  ],
});
