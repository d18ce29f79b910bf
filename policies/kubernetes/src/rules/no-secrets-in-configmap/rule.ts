import { defineRule, redact } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isTemplated, report } from '../../lib.js';
import { sourceOffset } from '../../prometheus.js';

/** Setting names (lower-cased, separators removed) that hold a credential. */
const SECRET_ENDINGS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'secretkey',
  'clientsecret',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'credentials',
];

function secretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_ENDINGS.some((e) => n.endsWith(e));
}

/** Values that stand for a secret rather than being one. */
function literalSecret(raw: string): boolean {
  const v = raw
    .trim()
    .replace(/^(["'])(.*)\1,?$/, '$2')
    .replace(/,$/, '');
  if (v.length < 4 || isTemplated(v)) return false;
  if (/^(true|false|yes|no|none|null|nil|changeme|change-me|redacted|x{3,}|\*+|<.*>|\[.*\]|\{.*\})$/i.test(v))
    return false;
  if (/^[$%]|^(file|env|vault|secret|ref\+|awssm|gcpsm):/i.test(v)) return false;
  // Words that name the secret instead of being it (`AWS_SECRET_ACCESS_KEY: secret` for a local emulator).
  if (/^(secret|password|passwd|token|key|dummy|test|sample|example|placeholder|files)$/i.test(v))
    return false;
  if (/example|dummy|placeholder|your[-_]|replace[-_]?me/i.test(v)) return false;
  // Code reading the value from elsewhere (`token=os.environ["HF_TOKEN"]`).
  if (/[()]/.test(v)) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(v) || /^\d+$/.test(v) || v.startsWith('/') || v.startsWith('./')) return false;
  return (v.match(/ /g) ?? []).length < 2;
}

/** `key = value` / `key: value` / `"key": "value",` lines of an embedded config file. */
const LINE = /^[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*[:=][ \t]*(\S.*?)[ \t]*$/gm;

export default defineRule<K8sObject>({
  id: 'k8s/no-secrets-in-configmap',
  domain: k8sDomain,
  meta: {
    title: 'Secret written in a ConfigMap',
    description:
      'A ConfigMap key whose name says it holds a credential (`password`, `*_token`, `apiKey`, `client_secret`...) has a literal value, or a config file kept in a ConfigMap sets such a setting to a literal value. Values that refer to something else (`${VAR}`, file paths, ALL_CAPS names, placeholders) are not reported; the value is never printed.',
    rationale:
      'High: ConfigMaps are readable by every role that may read configuration (the built-in `view` role included), are not encrypted at rest by default and end up in Git and in support dumps; a credential there is as good as published and must be rotated.',
    remediation:
      'Move the value into a Secret (managed by an external secret store, sealed-secrets or SOPS) and mount it or reference it with `secretKeyRef`; let the config file read it from the environment or a file. Rotate the exposed value.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['KSV-0109', 'polaris:sensitiveConfigmapContent'],
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/config.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  LOG_LEVEL: info\n  SMTP_PASSWORD: Wint3r-is-coming\n',
          errors: [{ line: 7, column: 18, endLine: 7, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/config.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  LOG_LEVEL: info\n  SMTP_PASSWORD_FILE: /var/run/secrets/smtp/password\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'ConfigMap' || object.group !== '') return;
    for (const [key, value] of Object.entries(asObj(object.data.data))) {
      if (typeof value !== 'string') continue;
      const loc = object.at(['data', key]);
      if (!loc) continue;
      // Scripts and the name-service switch (`passwd: files`) are not key-value configuration.
      if (/\.(py|js|ts|sh|bash|rb|go|lua|java|groovy|ps1)$|^nsswitch\.conf$/i.test(key)) continue;
      if (!value.includes('\n')) {
        if (!secretName(key) || !literalSecret(value)) continue;
        report(
          ctx,
          object,
          loc,
          `ConfigMap \`${object.name}\` holds \`${key}\` in plain text (${redact(value.trim())}).`,
          key,
        );
        continue;
      }
      for (const m of value.matchAll(LINE)) {
        const [line, name, setting] = m as unknown as [string, string, string];
        if (!secretName(name) || !literalSecret(setting)) continue;
        const offset = m.index + line.lastIndexOf(setting);
        const start = sourceOffset(loc, value, offset);
        const at = start === undefined ? loc : { file: loc.file, start, end: start + setting.length };
        report(
          ctx,
          object,
          at,
          `ConfigMap \`${object.name}\` sets \`${name}\` in \`${key}\` in plain text (${redact(setting)}).`,
          `${key}:${name}`,
        );
      }
    }
  },
});
