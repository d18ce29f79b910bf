import { type FlowNode, has, type Node, pushAll, type ScalarNode } from './nodes.js';

/**
 * In a finished `[...]`, an item read as a key with no `:` is a plain value, as `yaml` rewrites it
 * when the collection is closed: the key becomes the value and what followed it (spaces, comments,
 * line breaks) goes to the value's `end`, or to the item's `start` when the value has none.
 */
export function settleFlowSeqItems(flow: FlowNode): void {
  if (flow.start.type !== 'flow-seq-start') return;
  const { items } = flow;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const { sep } = item;
    if (!sep || item.value || has(item.start, 'explicit-key-ind') || has(sep, 'map-value-ind')) continue;
    const value = item.key ?? undefined;
    if (value && hasEnd(value)) {
      if (value.end) pushAll(value.end, sep);
      else value.end = sep;
    } else pushAll(item.start, sep);
    // A new object rather than deleting `key` and `sep`: the fields `yaml` leaves, in its order.
    items[i] = value ? { start: item.start, value } : { start: item.start };
  }
}

/** The values `yaml` calls flow tokens (aliases aside, which this parser never reads). */
function hasEnd(node: Node): node is ScalarNode | FlowNode {
  switch (node.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'flow-collection':
      return true;
  }
  return false;
}
