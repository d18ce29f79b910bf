import type { Language } from '@plumbline/core';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { hclLanguage } from '@plumbline/lang-hcl';
import { yamlLanguage } from '@plumbline/lang-yaml';

/** The parsers policy tests and `inspect` read examples with (the CLI's own list, in its order). */
export const policyLanguages: Language[] = [dockerfileLanguage, hclLanguage, yamlLanguage];
