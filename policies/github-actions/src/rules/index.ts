// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import noTemplateInjectionInRun from './no-template-injection-in-run/rule.js';
import noWriteAllPermissions from './no-write-all-permissions/rule.js';
import pinActionsToSha from './pin-actions-to-sha/rule.js';

export const rules: AnyRule[] = [noTemplateInjectionInRun, noWriteAllPermissions, pinActionsToSha];
