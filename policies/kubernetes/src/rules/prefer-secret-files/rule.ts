import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/prefer-secret-files',
  domain: k8sDomain,
  meta: {
    title: 'Secret passed through environment variables',
    description:
      'A container reads a Secret into environment variables (`env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`) rather than mounting it as files.',
    rationale:
      'Info: this is the common, supported way and not a vulnerability, but environment variables leak more easily than files — into crash dumps, child processes, `/proc/<pid>/environ` and debug endpoints — and do not update when the Secret rotates.',
    remediation:
      'Mount the Secret as a volume (`secret:` volume, `readOnly: true`) and have the program read the file; or accept the trade-off and turn this rule off.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    aliases: ['CKV_K8S_35', 'kube-linter:read-secret-from-env-var'],
    references: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      envFrom:\n        - secretRef:\n            name: app-secrets\n',
          errors: [{ line: 10, column: 11, endLine: 10, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      envFrom:\n        - configMapRef:\n            name: app-config\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      asArray(c.data.env).forEach((e, i) => {
        const ref = asObj(asObj(asObj(e).valueFrom).secretKeyRef);
        if (!('secretKeyRef' in asObj(asObj(e).valueFrom))) return;
        report(
          ctx,
          object,
          c.keyAt(['env', i, 'valueFrom', 'secretKeyRef'])!,
          `The ${c.label} of ${c.pod.label} reads Secret \`${asString(ref.name) ?? '?'}\` into \`${asString(asObj(e).name) ?? '?'}\`.`,
          `${c.name}:env:${asString(asObj(e).name)}`,
        );
      });
      asArray(c.data.envFrom).forEach((e, i) => {
        if (!('secretRef' in asObj(e))) return;
        const name = asString(asObj(asObj(e).secretRef).name) ?? '?';
        report(
          ctx,
          object,
          c.keyAt(['envFrom', i, 'secretRef'])!,
          `The ${c.label} of ${c.pod.label} loads all of Secret \`${name}\` into its environment.`,
          `${c.name}:envFrom:${name}`,
        );
      });
    }
  },
});
