// Injected into bundle/plumbline-main.cjs (see bundle.mjs): CommonJS has no import.meta.
export const __plumblineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
