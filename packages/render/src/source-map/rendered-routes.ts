import { type Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

export type Route = (string | number)[];

/** The route (map keys, sequence indexes) of the deepest node of a rendered document at an offset. */
export function routeAt(doc: Document, offset: number): Route {
  const route: Route = [];
  let node = doc.contents as Node | null;
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        if (!isPair(p)) return false;
        const start = (p.key as Node | null)?.range?.[0] ?? Number.POSITIVE_INFINITY;
        const end = (p.value as Node | null)?.range?.[1] ?? (p.key as Node | null)?.range?.[1] ?? -1;
        return offset >= start && offset < Math.max(end, start + 1);
      });
      if (!pair || !isScalar(pair.key)) return route;
      route.push(String(pair.key.value));
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        return !!range && offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
      });
      if (index < 0) return route;
      route.push(index);
      node = node.items[index] as Node | null;
    } else {
      return route;
    }
  }
  return route;
}

/** The plain value at a route of a data tree. */
export function valueAt(data: unknown, route: readonly (string | number)[]): unknown {
  let value = data;
  for (const seg of route) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[seg];
  }
  return value;
}
