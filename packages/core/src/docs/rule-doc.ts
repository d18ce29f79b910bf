import { compareText } from '../compare-text.js';
import type { AnyRule, RuleExample } from '../model/rule.js';

const FENCE: Record<string, string> = { tf: 'hcl', yml: 'yaml', yaml: 'yaml', json: 'json' };

function language(filename: string): string {
  if (/(^|\/)(Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i.test(filename)) return 'dockerfile';
  return FENCE[filename.split('.').pop() ?? ''] ?? '';
}

function block(example: RuleExample): string {
  const files = { ...example.files, [example.filename]: example.code };
  const code = Object.entries(files)
    .map(([name, code]) => `\`${name}\`\n\n\`\`\`${language(name)}\n${code.replace(/\n$/, '')}\n\`\`\``)
    .join('\n\n');
  return example.options ? `With options \`${JSON.stringify(example.options)}\`:\n\n${code}` : code;
}

/** The docs page of a rule, generated from its metadata and examples (which the tests execute). */
export function renderRuleDoc(rule: AnyRule): string {
  const m = rule.meta;
  const lines: string[] = [
    '<!-- Generated from the rule metadata by `npm run docs`. Do not edit. -->',
    `# ${rule.id}`,
    '',
    `**${m.title}**`,
    '',
    '| severity | category | confidence | fixable | enabled by default |',
    '|---|---|---|---|---|',
    `| ${m.severity} | ${m.category} | ${m.confidence} | ${m.fixable ? 'yes' : 'no'} | ${m.optIn ? 'no (opt-in)' : 'yes'} |`,
    '',
    `**Also known as:** ${m.aliases.length ? m.aliases.map((a) => `\`${a}\``).join(', ') : 'no peer rule'}`,
    '',
    '## What is wrong',
    '',
    m.description,
    '',
    '## Why it matters',
    '',
    m.rationale,
    '',
    '## How to fix',
    '',
    m.remediation,
    '',
    '## Examples',
    '',
  ];
  m.examples.invalid.forEach((ex, i) => {
    const where = ex.errors.map((e) => `line ${e.line}, column ${e.column}`).join('; ');
    lines.push(
      `### Reported${m.examples.invalid.length > 1 ? ` (${i + 1})` : ''}`,
      '',
      `Reported at ${where}.`,
      '',
      block(ex),
      '',
    );
  });
  m.examples.valid.forEach((ex, i) => {
    lines.push(`### Not reported${m.examples.valid.length > 1 ? ` (${i + 1})` : ''}`, '', block(ex), '');
  });
  if (m.options) {
    lines.push(
      '## Options',
      '',
      '```json',
      JSON.stringify(m.options.schema, null, 2),
      '```',
      '',
      'Defaults:',
      '',
      '```json',
      JSON.stringify(m.options.defaults, null, 2),
      '```',
      '',
    );
  }
  lines.push(
    '## Suppressing',
    '',
    `\`# plumbline:ignore ${rule.id} -- <reason>\` on the reported line or the line above${m.aliases.length ? ` (the aliases work too, e.g. \`${m.aliases[0]}\`)` : ''}, or an \`exceptions\` entry in \`.plumbline.yaml\`.`,
    '',
  );
  if (m.references?.length) {
    lines.push(
      '## References',
      '',
      ...m.references.map((r) => (r.startsWith('http') ? `- <${r}>` : `- ${r}`)),
      '',
    );
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** docs/rules/README.md: every rule, by domain, linking its page. */
export function renderRuleIndexDoc(rules: readonly AnyRule[]): string {
  const lines = [
    '<!-- Generated from the rule metadata by `npm run docs`. Do not edit. -->',
    '# Rules',
    '',
    `${rules.length} rules.`,
    '',
  ];
  const domains = [...new Set(rules.map((r) => r.domain.id))];
  for (const domain of domains) {
    const own = rules.filter((r) => r.domain.id === domain).sort((a, b) => compareText(a.id, b.id));
    lines.push(
      `## ${domain} (${own.length})`,
      '',
      '| rule | title | severity | category | aliases |',
      '|---|---|---|---|---|',
    );
    for (const r of own) {
      const slug = r.id.slice(r.id.indexOf('/') + 1);
      // A rule without a generated page (a custom policy) links its own file.
      const link = r.meta.docs ? (r.meta.docs.url ?? r.meta.docs.path) : `${domain}/${slug}.md`;
      lines.push(
        `| [${r.id}](${link}) | ${r.meta.title} | ${r.meta.severity} | ${r.meta.category} | ${r.meta.aliases.join(', ')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
