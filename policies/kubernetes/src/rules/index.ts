// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import noPrivilegedContainer from './no-privileged-container/rule.js';
import requireProbes from './require-probes/rule.js';
import requireResources from './require-resources/rule.js';

export const rules: AnyRule[] = [noPrivilegedContainer, requireProbes, requireResources];
