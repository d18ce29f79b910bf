import { asString, isObject, type TfModule, type TfResource, type Value } from '@plumbline/lang-hcl';

const PROD = /(^|[^a-z])(prod|production|prd)([^a-z]|$)/i;

function mentionsProd(v: Value | undefined): boolean {
  const s = asString(v);
  if (s !== undefined) return PROD.test(s);
  if (isObject(v))
    return Object.entries(v).some(([k, x]) => /^(env|environment|stage|tier)$/i.test(k) && mentionsProd(x));
  return false;
}

/**
 * True when the resource looks like production: its name, identifier or environment tag says
 * so, the module's `environment`/`env`/`stage` variable or local does, or the module sits in a
 * `prod`/`production` directory.
 */
export function isProductionLike(module: TfModule, r: TfResource): boolean {
  if (PROD.test(r.name)) return true;
  for (const attr of ['identifier', 'identifier_prefix', 'cluster_identifier', 'name'])
    if (mentionsProd(r.value(attr))) return true;
  if (mentionsProd(r.value('tags'))) return true;
  for (const name of ['environment', 'env', 'stage']) {
    if (module.variables.has(name) && mentionsProd(module.input(name))) return true;
    if (module.localDefs.has(name) && mentionsProd(module.local(name))) return true;
  }
  return module.dir.split('/').some((seg) => /^(prod|production|prd)$/i.test(seg));
}
