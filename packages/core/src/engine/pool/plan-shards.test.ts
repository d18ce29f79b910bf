import { describe, expect, it } from 'vitest';
import type { Language } from '../../model/language.js';
import type { Renderer } from '../../model/renderer.js';
import { type AnyRule, defineRule } from '../../model/rule.js';
import { lineDomain, lineLanguage } from '../../testing/line-language.js';
import { languagesApartFromRendering } from './plan-shards.js';

const language = (id: string): Language =>
  lineLanguage({ id, extension: `.${id}`, syntaxError: '!', message: 'unexpected !' }) as Language;
const languages = ['yaml', 'hcl', 'dockerfile', 'json'].map(language);
const rule = (domainId: string, langs: string[], fileLocal = false): AnyRule =>
  defineRule({
    id: `${domainId}/r`,
    domain: { ...lineDomain(domainId, langs[0]!), languages: langs, fileLocal },
    meta: {
      title: 'r',
      description: 'r',
      rationale: 'r',
      remediation: 'r',
      category: 'security',
      severity: 'low',
      confidence: 'high',
      aliases: [],
      examples: { invalid: [], valid: [] },
    },
    check() {},
  }) as AnyRule;
const renderer = (outputLanguages?: string[]): Renderer => ({
  id: 'helm',
  outputLanguages,
  plan: async () => ({
    claimed: [],
    run: async () => ({
      files: [],
      sources: [],
      notices: [],
      problems: [],
      stats: { rendered: 0, failed: 0, skipped: 0 },
    }),
  }),
});

describe('languagesApartFromRendering', () => {
  it('leaves out what renderers output, and what a cross-file domain reads with it, however far', () => {
    const rules = [
      rule('k8s', ['yaml']),
      // Reads YAML and JSON together: JSON files may meet rendered output.
      rule('mixed', ['yaml', 'json']),
      rule('terraform', ['hcl']),
      rule('dockerfile', ['dockerfile'], true),
    ];
    expect([...languagesApartFromRendering(languages, rules, [renderer(['yaml'])])].sort()).toEqual([
      'dockerfile',
      'hcl',
    ]);
    // A domain tying HCL to JSON ties it to YAML too, through the one above.
    const chained = [...rules, rule('policy', ['hcl', 'json'])];
    expect([...languagesApartFromRendering(languages, chained, [renderer(['yaml'])])]).toEqual([
      'dockerfile',
    ]);
    // A file-local domain ties nothing: each file is a group of its own.
    const local = [...rules, rule('scripts', ['dockerfile', 'yaml'], true)];
    expect([...languagesApartFromRendering(languages, local, [renderer(['yaml'])])].sort()).toEqual([
      'dockerfile',
      'hcl',
    ]);
  });

  it('has nothing apart when a renderer does not say what it outputs', () => {
    expect(languagesApartFromRendering(languages, [rule('terraform', ['hcl'])], [renderer()]).size).toBe(0);
  });
});
