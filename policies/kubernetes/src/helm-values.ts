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

/** Every map of a values tree with its route, depth first, bounded. */
export function* valuesMaps(
  data: unknown,
  route: (string | number)[] = [],
): Generator<{ route: (string | number)[]; map: Record<string, unknown> }> {
  if (route.length > 12 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) yield* valuesMaps(data[i], [...route, i]);
    return;
  }
  const map = data as Record<string, unknown>;
  yield { route, map };
  for (const [k, v] of Object.entries(map)) yield* valuesMaps(v, [...route, k]);
}
