// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import noLatestTag from './no-latest-tag/rule.js';
import noRootUser from './no-root-user/rule.js';
import requireHealthcheck from './require-healthcheck/rule.js';

export const rules: AnyRule[] = [noLatestTag, noRootUser, requireHealthcheck];
