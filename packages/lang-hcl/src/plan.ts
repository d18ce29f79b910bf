import type { Attribute, Block, Body } from './ast.js';
import type { JsonEntry, JsonNode } from './json.js';
import { jsonExpr } from './language.js';

type JsonObject = JsonNode & { kind: 'object' };

function get(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/**
 * `terraform show -json` output as resource blocks: `planned_values` gives the values (with
 * their places in the file), `resource_changes[].change.after_unknown` the values only known
 * after apply, which become unknown attributes so no rule fires on them.
 */
export function planBody(root: JsonNode): Body | undefined {
  const planned = get(root, 'planned_values');
  if (!planned || get(root, 'format_version') === undefined) return undefined;
  const unknownByAddress = new Map<string, JsonNode>();
  const changes = get(root, 'resource_changes');
  if (changes?.kind === 'array') {
    for (const c of changes.items) {
      const address = str(get(c, 'address'));
      const unknown = get(get(c, 'change'), 'after_unknown');
      if (address && unknown) unknownByAddress.set(address, unknown);
    }
  }
  const blocks: Block[] = [];
  const visit = (module: JsonNode | undefined) => {
    const resources = get(module, 'resources');
    if (resources?.kind === 'array') {
      for (const r of resources.items) {
        const block = planResource(r, unknownByAddress);
        if (block) blocks.push(block);
      }
    }
    const children = get(module, 'child_modules');
    if (children?.kind === 'array') for (const c of children.items) visit(c);
  };
  visit(get(planned, 'root_module'));
  return { attributes: [], blocks };
}

function planResource(node: JsonNode, unknownByAddress: Map<string, JsonNode>): Block | undefined {
  const address = str(get(node, 'address'));
  const type = str(get(node, 'type'));
  const name = str(get(node, 'name'));
  const values = get(node, 'values');
  if (!address || !type || !name || values?.kind !== 'object') return undefined;
  const addressNode = (node as JsonObject).entries.find((e) => e.key === 'address')!;
  const body = planValues(values, unknownByAddress.get(address), addressNode.value.loc);
  return {
    type: str(get(node, 'mode')) === 'data' ? 'data' : 'resource',
    labels: [type, name],
    headerLoc: addressNode.value.loc,
    loc: node.loc,
    address,
    ...body,
  };
}

function planValues(values: JsonObject, unknown: JsonNode | undefined, at: JsonNode['loc']): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const seen = new Set<string>();
  for (const e of values.entries) {
    seen.add(e.key);
    const u = get(unknown, e.key);
    if (u?.kind === 'boolean' && u.value) {
      attributes.push({
        name: e.key,
        nameLoc: e.keyLoc,
        expr: { kind: 'unsupported', loc: e.loc },
        loc: e.loc,
      });
      continue;
    }
    if (e.value.kind === 'null') continue;
    attributes.push(attribute(e));
    if (
      e.value.kind === 'array' &&
      e.value.items.length > 0 &&
      e.value.items.every((i) => i.kind === 'object')
    ) {
      e.value.items.forEach((item, i) => {
        const nested = planValues(item as JsonObject, u?.kind === 'array' ? u.items[i] : undefined, item.loc);
        blocks.push({ type: e.key, labels: [], headerLoc: e.keyLoc, loc: item.loc, ...nested });
      });
    }
  }
  if (unknown?.kind === 'object') {
    for (const e of unknown.entries) {
      if (seen.has(e.key) || !(e.value.kind === 'boolean' && e.value.value)) continue;
      attributes.push({ name: e.key, nameLoc: at, expr: { kind: 'unsupported', loc: at }, loc: at });
    }
  }
  return { attributes, blocks };
}

function attribute(e: JsonEntry): Attribute {
  return { name: e.key, nameLoc: e.keyLoc, expr: jsonExpr(e.value), loc: e.loc };
}

/**
 * The `source` of every module call in a plan's `configuration` block, by module address
 * (`module.db`, `module.db.module.kms`), so findings can be mapped back to the `.tf` files.
 */
export function planModuleSources(root: JsonNode): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (module: JsonNode | undefined, prefix: string) => {
    const calls = get(module, 'module_calls');
    if (calls?.kind !== 'object') return;
    for (const e of calls.entries) {
      const address = `${prefix}module.${e.key}`;
      const source = str(get(e.value, 'source'));
      if (source) out.set(address, source);
      visit(get(e.value, 'module'), `${address}.`);
    }
  };
  visit(get(get(root, 'configuration'), 'root_module'), '');
  return out;
}
