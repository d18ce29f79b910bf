import { RenderedFile, SourceFile } from '@plumbline/core';
import { parseYaml, renderedDocumentsOf } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import { placeAt } from './parsed-output.js';

// Helm output as it comes: a Source comment per document, an empty document from a template whose
// condition was false, flow maps, block scalars, null values, an anchor and alias a chart kept.
const RENDERED = `---
# Source: shop/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: release-name-shop
  labels: {app: shop, tier: "web"}
---
# Source: shop/templates/hpa.yaml
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-name-shop
  annotations:
    checksum/config: &sum 4f1c
    checksum/secret: *sum
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: shop
          image: "registry.example.com/shop:2.4.0"
          args: [--port, "8080"]
          env:
            - name: EMPTY
              value:
            - name: SCRIPT
              value: |
                echo start
                exec shop
          securityContext:
            privileged: true
        -
        - name: sidecar
          image: busybox:1.36
`;

const unmapped = () => ({
  origin: () => ({ path: 'x', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }),
});

describe('the place of a rendered offset', () => {
  it('is the same from the engine’s parse as from parsing the text again, at every offset', () => {
    const file = new RenderedFile(
      '@render/helm/shop/deployment.yaml',
      RENDERED,
      'helm:shop',
      'default values',
      unmapped(),
    );
    parseYaml(file);
    const documents = renderedDocumentsOf(file);
    expect(documents?.map((d) => d.index)).toEqual([0, 2]);
    let fromParse = 0;
    for (let offset = 0; offset <= RENDERED.length; offset++) {
      const kept = placeAt(RENDERED, offset, file);
      const again = placeAt(RENDERED, offset, undefined);
      if (documents!.some((d) => d.contains(offset))) fromParse++;
      expect({ offset, index: kept?.index, route: kept?.route }).toEqual({
        offset,
        index: again?.index,
        route: again?.route,
      });
      expect(kept?.data()).toEqual(again?.data());
    }
    // Most offsets come from the engine's documents (the rest: comments, markers, the empty one).
    expect(fromParse).toBeGreaterThan(RENDERED.length * 0.8);
    const at = (text: string) => placeAt(RENDERED, RENDERED.indexOf(text), file)?.route;
    expect(at('privileged: true')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'securityContext',
      'privileged',
    ]);
    expect(at('"8080"')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'args', 1]);
    expect(at('*sum')).toEqual(['metadata', 'annotations', 'checksum/secret']);
    expect(at('"web"')).toEqual(['metadata', 'labels', 'tier']);
    expect(at('exec shop')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value']);
    expect(at('busybox')).toEqual(['spec', 'template', 'spec', 'containers', 2, 'image']);
  });

  it('is kept for rendered files only: a file in the repository is not held for a source map', () => {
    const file = new SourceFile('k8s/deployment.yaml', RENDERED);
    parseYaml(file);
    expect(renderedDocumentsOf(file)).toBeUndefined();
  });
});
