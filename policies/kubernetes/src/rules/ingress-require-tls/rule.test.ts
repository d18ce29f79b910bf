import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'AWS ALB certificate',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: w\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:1:certificate/x\nspec:\n  rules: [{host: a.example.com}]\n',
    },
  ],
  invalid: [
    {
      name: 'empty tls list',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: w}\nspec:\n  tls: []\n  rules: [{host: a.example.com}]\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5 }],
    },
  ],
});
