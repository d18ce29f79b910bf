import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const exporter = (name: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels: {app: node-exporter}
  template:
    metadata:
      labels: {app: node-exporter}
    spec:
      containers:
        - name: node-exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          ports:
            - name: ${name}
              containerPort: 9100
`;

const service = (target: string) => `apiVersion: v1
kind: Service
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector: {app: node-exporter}
  ports:
    - name: metrics
      port: 9100
      targetPort: ${target}
`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'fifteen characters', code: exporter('node-exp-metric') },
    { name: 'numeric targetPort', code: service('9100') },
    { name: 'quoted numeric targetPort', code: service('"9100"') },
    { name: 'named targetPort', code: service('http-metrics') },
    { name: 'an upper-case placeholder substituted before apply', code: service('PORT') },
  ],
  invalid: [
    {
      name: 'too long',
      code: exporter('node-exporter-http'),
      errors: [{ line: 17, column: 21, endLine: 17, endColumn: 39 }],
    },
    {
      name: 'uppercase',
      code: exporter('httpMetrics'),
      errors: [{ line: 17, column: 21, endLine: 17, endColumn: 32 }],
    },
    {
      name: 'digits only, given as a string',
      code: exporter('"9100"'),
      errors: [{ line: 17, column: 21, endLine: 17, endColumn: 27 }],
    },
    {
      name: 'Service targetPort name with an underscore',
      code: service('http_metrics'),
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 31 }],
    },
  ],
});
