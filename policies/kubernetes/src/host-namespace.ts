import { defineRule, type Severity } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from './domain.js';
import { capitalized, isTrue, onceEach, podsOf } from './lib.js';
import { reportSystemAware } from './system-workloads.js';

const SYSTEM_NOTE = (polaris: string | undefined) =>
  polaris === undefined
    ? ''
    : ` In a system namespace (\`kube-system\`, \`kube-public\`, \`kube-node-lease\`), and for a DaemonSet in \`monitoring\`, the finding is still reported but with low confidence and a note saying why: Polaris’s default configuration exempts the control-plane components, kube-proxy and kube-dns in \`kube-system\` from this check (\`${polaris}\`). A system name alone in another namespace does not lower it.`;

/** The three host-namespace rules differ only in the field and what sharing it exposes. */
export function hostNamespaceRule(options: {
  slug: string;
  field: 'hostNetwork' | 'hostPID' | 'hostIPC';
  what: string;
  exposure: string;
  severity: Severity;
  aliases: string[];
  /** The Polaris check whose documented kube-system exemptions lower this rule's confidence there. */
  polaris?: string;
}) {
  const { field } = options;
  const pod = (value: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  ${field}: ${value}\n  containers:\n    - name: app\n      image: app:1.0\n`;
  return defineRule<K8sObject>({
    id: `k8s/${options.slug}`,
    domain: k8sDomain,
    meta: {
      title: `Pod shares the host's ${options.what}`,
      description: `The pod sets \`${field}: true\`: its containers share the node's ${options.what} instead of getting their own.`,
      rationale: `${options.severity === 'high' ? 'High' : 'Medium'}: ${options.exposure} The baseline Pod Security Standard forbids it.${SYSTEM_NOTE(options.polaris)}`,
      remediation: `Remove \`${field}: true\`. Node agents that truly need it belong in a dedicated namespace with a documented exception.`,
      category: 'security',
      severity: options.severity,
      confidence: 'high',
      aliases: options.aliases,
      references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
      examples: {
        invalid: [
          {
            filename: 'k8s/app.yaml',
            code: pod('true'),
            errors: [{ line: 6, column: 5 + field.length, endLine: 6, endColumn: 9 + field.length }],
          },
        ],
        valid: [{ filename: 'k8s/app.yaml', code: pod('false') }],
      },
    },
    check(object, ctx) {
      const once = onceEach();
      for (const p of podsOf(object, { skipPartial: false })) {
        const setting = p.field(field);
        if (!setting || !isTrue(setting.value) || !once(setting.route)) continue;
        reportSystemAware(
          ctx,
          `k8s/${options.slug}`,
          object,
          object.at(setting.route)!,
          `${capitalized(p.label)} sets \`${field}: true\`.`,
          field,
        );
      }
    },
  });
}
