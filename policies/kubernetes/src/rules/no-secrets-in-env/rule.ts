import { defineRule, redact } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, report } from '../../lib.js';

const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_?KEY|CREDENTIALS?|CONN(ECTION)?_?STR(ING)?|DSN)$/i;
const NOT_SECRET_SUFFIX =
  /(_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_HOST|_PORT|_NAME|_ID|_TYPE|_KIND|_ENABLED|_HEADER|_LENGTH|_TTL|_EXPIRY|_EXPIRATION)$/i;
const PLACEHOLDER =
  /^(true|false|yes|no|none|null|changeme|change-me|xxx+|\*+|<.*>|\$\(.*\)|\$\{.*\}|\{\{.*\}\})$/i;

export default defineRule<K8sObject>({
  id: 'k8s/no-secrets-in-env',
  domain: k8sDomain,
  meta: {
    title: 'Secret written in plain text in an environment variable',
    description:
      'A container sets an environment variable whose name says it holds a secret (`*_PASSWORD`, `*_TOKEN`, `*_API_KEY`, `*_SECRET`...) to a literal `value`, so the secret is in the manifest, in Git history and in every `kubectl get -o yaml`.',
    rationale:
      'High: a secret committed to a repository is readable by everyone with read access to it or to the namespace, survives in history after removal, and must be considered leaked and rotated.',
    remediation:
      'Move the value to a Secret (ideally managed by an external secret store, sealed-secrets or SOPS) and read it with `valueFrom.secretKeyRef`, or better mount it as a file. Rotate the exposed value.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - name: DB_PASSWORD\n          value: hunter2-prod\n',
          errors: [{ line: 11, column: 18, endLine: 11, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      asArray(c.data.env).forEach((e, i) => {
        const env = asObj(e);
        const name = asString(env.name) ?? '';
        const value = asString(env.value);
        if (!value || value.trim().length < 4 || !SECRET_NAME.test(name) || NOT_SECRET_SUFFIX.test(name))
          return;
        if (PLACEHOLDER.test(value.trim()) || isTemplated(value)) return;
        report(
          ctx,
          object,
          c.at(['env', i, 'value'])!,
          `The ${c.label} of ${c.pod.label} sets \`${name}\` to a literal value (${redact(value)}).`,
          `${c.name}:${name}`,
        );
      });
    }
  },
});
