import type { Loc } from '@plumbline/core';
import { type BlockView, isUnknown, type TfModule, type TfResource, type Value } from '@plumbline/lang-hcl';
import { UNKNOWN_KEY } from '../cel/environment.js';
import type { InputPath } from './path.js';
import { SpanIndex, type UnitInput } from './unit-input.js';

/**
 * Terraform input. Per resource (the default scope) the variables are `resource` and `module`;
 * with `match.scope: module`, only `module`.
 * - `resource`: `{kind ('resource'|'data'), type, name, address, values}` where `values` holds the
 *   attributes evaluated in their module (variables, locals, tfvars applied) and nested blocks as
 *   lists of maps (`values.versioning[0].enabled`). A value that cannot be known before apply (a
 *   resource id, a variable without default) is `{"@unknown": true, "ref": "aws_kms_key.k.arn"}`:
 *   test it with `isUnknown(v)` so a policy never fires on what it cannot see.
 * - `module`: `{dir, root, resources [{type, name, address}], calls [{name, source, inputs}],
 *   backend {type, config} (or null), providers [{name, config}], requiredVersion}`.
 */
export function terraformResourceInput(resource: TfResource): UnitInput {
  const spans = new SpanIndex();
  const values = blockValues(resource, ['resource', 'values'], spans);
  spans.set(['resource'], resource.headerLoc);
  spans.set(['resource', 'values'], resource.headerLoc);
  const module = moduleValue(resource.module, spans);
  return {
    variables: {
      resource: {
        kind: resource.kind,
        type: resource.resourceType,
        name: resource.name,
        address: resource.address,
        values,
      },
      module,
    },
    head: resource.headerLoc,
    container: resource.loc,
    resource: resource.address,
    locate: (path) => spans.locate(path),
    fields: {
      type: resource.resourceType,
      name: resource.name,
      address: resource.address,
      resource: resource.address,
      file: resource.loc.file.path,
    },
  };
}

export function terraformModuleInput(module: TfModule): UnitInput | undefined {
  const first = module.blocks.find((b) => b.type === 'terraform') ?? module.blocks[0];
  if (!first) return undefined;
  const spans = new SpanIndex();
  const value = moduleValue(module, spans);
  return {
    variables: { module: value },
    head: first.headerLoc,
    container: first.loc,
    resource: module.dir || '.',
    locate: (path) => spans.locate(path),
    fields: { name: module.dir || '.', resource: module.dir || '.', file: first.loc.file.path },
  };
}

function moduleValue(module: TfModule, spans: SpanIndex) {
  const backendBlock = module.terraformBlocks.flatMap((t) => t.blocks('backend'))[0];
  const calls = module.moduleCalls.map((call, i) => {
    spans.set(['module', 'calls', i], call.view.headerLoc);
    const inputs: Record<string, unknown> = {};
    for (const a of call.view.block.attributes) {
      inputs[a.name] = toInput(call.view.value(a.name) ?? null);
      spans.set(['module', 'calls', i, 'inputs', a.name], a.loc);
    }
    return { name: call.name, source: call.source ?? '', inputs };
  });
  if (backendBlock) {
    spans.set(['module', 'backend'], backendBlock.headerLoc);
    for (const a of backendBlock.block.attributes) spans.set(['module', 'backend', 'config', a.name], a.loc);
  }
  const required = module.terraformBlocks
    .map((t) => t.value('required_version'))
    .find((v) => v !== undefined);
  return {
    dir: module.dir || '.',
    root: module.isRoot,
    resources: module.resources.map((r) => ({ type: r.resourceType, name: r.name, address: r.address })),
    calls,
    backend: backendBlock
      ? {
          type: backendBlock.labels[0] ?? '',
          config: blockValues(backendBlock, ['module', 'backend', 'config'], spans),
        }
      : null,
    providers: module.providers.map((p) => ({
      name: p.labels[0] ?? '',
      config: blockValues(p, [], new SpanIndex()),
    })),
    requiredVersion: required === undefined ? '' : toInput(required),
  };
}

/** Attributes evaluated and nested blocks as lists, recording the span of each. */
function blockValues(view: BlockView, path: InputPath, spans: SpanIndex, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of view.block.attributes) {
    out[a.name] = toInput(view.value(a.name) ?? null);
    spans.set([...path, a.name], a.loc);
  }
  if (depth > 8) return out;
  const types = [
    ...new Set(view.block.blocks.map((b) => (b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type))),
  ];
  for (const type of types) {
    if (!type) continue;
    out[type] = view.blocks(type).map((child, i) => {
      spans.set([...path, type, i], child.headerLoc);
      return blockValues(child, [...path, type, i], spans, depth + 1);
    });
  }
  return out;
}

export function toInput(value: Value): unknown {
  if (isUnknown(value)) {
    const ref = value.ref ? `${value.ref.address}${value.ref.attr ? `.${value.ref.attr}` : ''}` : '';
    return { [UNKNOWN_KEY]: true, ref };
  }
  if (Array.isArray(value)) return value.map(toInput);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toInput(v)]));
  return value;
}

export type { Loc };
