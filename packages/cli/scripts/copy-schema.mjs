// Ships the config JSON schema inside this package (dist/plumbline.schema.json), so `init` can
// point editors at a file installed users have.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
copyFileSync(require.resolve('@plumbline/core/config-schema.json'), new URL('../dist/plumbline.schema.json', import.meta.url));
