#!/usr/bin/env node
// Regenerates src/rules/index.ts of the policy package in the current directory (run before tsc).
import { writeRuleIndex } from '@plumbline/core';

if (writeRuleIndex(process.cwd())) console.error(`rule index updated in ${process.cwd()}`);
