import type { Domain } from '@plumbline/core';
import type { YamlDocument, YamlFile } from '@plumbline/lang-yaml';

/**
 * Helm values files that were not rendered with their chart (a values.yaml kept next to a chart
 * pulled from a registry, or any chart when no Helm is available): what can be read from values
 * alone, under the keys charts conventionally use. A chart that renders is checked as deployed
 * and its values files never reach this domain.
 */
export const helmValuesDomain: Domain<YamlDocument> = {
  id: 'k8s',
  languages: ['yaml'],
  // Each values file is checked alone.
  fileLocal: true,
  units: (project) =>
    project
      .byLanguage<YamlFile>('yaml')
      .flatMap((f) => f.model.documents.filter((d) => d.kind === 'helm-values')),
};

export interface ValuesMap {
  readonly route: readonly (string | number)[];
  readonly map: Record<string, unknown>;
}

const walked = new WeakMap<object, readonly ValuesMap[]>();

/**
 * Every map of a values tree with its route, depth first, bounded. Walked once per tree and shared
 * by the rules that read it (a nested generator per rule re-yielded every map through each level
 * above it: ~0.4 CPU-s over the corpus).
 */
export function valuesMaps(data: unknown): readonly ValuesMap[] {
  if (data === null || typeof data !== 'object') return [];
  let maps = walked.get(data);
  if (!maps) {
    const out: ValuesMap[] = [];
    collectMaps(data, [], out);
    maps = out;
    walked.set(data, maps);
  }
  return maps;
}

function collectMaps(data: unknown, route: (string | number)[], out: ValuesMap[]): void {
  if (route.length > 12 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) collectMaps(data[i], [...route, i], out);
    return;
  }
  const map = data as Record<string, unknown>;
  out.push({ route, map });
  for (const [k, v] of Object.entries(map)) collectMaps(v, [...route, k], out);
}
