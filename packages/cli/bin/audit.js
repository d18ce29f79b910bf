#!/usr/bin/env node
// `audit <paths>` is `plumbline audit <paths>`.
process.argv.splice(2, 0, 'audit');
await import('./plumbline.js');
