import { defineRule } from '../model/rule.js';
import { coreDomain } from './core-domain.js';

export const unscannableRule = defineRule({
  id: 'core/unscannable',
  domain: coreDomain,
  meta: {
    title: 'File could not be scanned completely',
    description:
      'A Dockerfile, manifest, workflow or Terraform file was claimed for scanning but not checked completely: its nesting is past the parser limit, an instruction is past the size budget, the parser failed on it, or a parser it needs could not be set up (a grammar missing from the installation).',
    rationale:
      'High, one step above `core/parse-error`: a syntax error usually breaks the file for the tool that deploys it too, but these files are often accepted by Docker, Terraform or Kubernetes while no rule looked at them. Anyone who writes a pull request chooses its files, so a file built to defeat the parser must not pass a gate at the default `high` silently; if it did, hiding a privileged container or a public bucket would be as easy as nesting it 10,000 levels deep.',
    remediation:
      'Simplify the reported part (split a very long `RUN` into a script file, flatten the nesting), or exclude the file with `ignore` after checking it by hand. When the reason says a parser could not be set up or load what the file needs, the installation is incomplete: reinstall Plumbline (its `.wasm` grammars sit beside the bundle).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'k8s/deep.yaml',
          code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(600)}${']'.repeat(600)}\n`,
          // Reported where the 500th level opens.
          errors: [{ line: 6, column: 504, endLine: 6, endColumn: 505 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/flat.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flat\ndata:\n  x: "[[1]]"\n',
        },
      ],
    },
  },
  check() {},
});
