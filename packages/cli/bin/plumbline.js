#!/usr/bin/env node
// In a checkout the TypeScript build (dist/) runs; an installed package has only the bundle.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
await import(existsSync(built) ? built : new URL('../bundle/plumbline.js', import.meta.url));
