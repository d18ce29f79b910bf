import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { workflowSpecRoute } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

/** Commands that reach over the network and fail transiently. */
const NETWORK = /\b(curl|wget|git\s+(clone|fetch|pull|push)|pip3?\s+install|npm\s+(ci|install)|apt-get|apk\s+add|aws\s+s3|gsutil|gcloud|az\s+storage|kubectl|helm\s+(install|upgrade|repo|pull)|requests\.(get|post)|urllib|https?:\/\/)/;

export default defineRule<K8sObject>({
  id: 'k8s/argo-retry-strategy',
  domain: k8sDomain,
  meta: {
    title: 'Network-bound workflow step without retryStrategy',
    description:
      'An Argo template that calls the network — an `http` template, or a container/script whose command or source runs curl, wget, git, pip, cloud CLIs or fetches a URL — has no `retryStrategy` (nor one in `templateDefaults`).',
    rationale:
      'Low: network calls fail transiently (DNS blips, rate limits, registry hiccups); without retries one blip fails the whole pipeline and someone re-runs it by hand. Confidence low: the heuristic reads commands, and some calls are not idempotent.',
    remediation: 'Add `retryStrategy: {limit: 3, retryPolicy: OnError, backoff: {duration: 10s, factor: 2}}` to the template (or `spec.templateDefaults`) for idempotent steps.',
    category: 'reliability',
    severity: 'low',
    confidence: 'low',
    aliases: [],
    references: ['https://argo-workflows.readthedocs.io/en/latest/retries/'],
    examples: {
      invalid: [
        {
          filename: 'argo/fetch.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: fetch\nspec:\n  templates:\n    - name: download\n      container:\n        image: curlimages/curl:8.10.1\n        command: [curl, -fsSLO, "https://example.com/data.csv"]\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'argo/fetch.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: fetch\nspec:\n  templates:\n    - name: download\n      retryStrategy: {limit: 3, retryPolicy: OnError}\n      container:\n        image: curlimages/curl:8.10.1\n        command: [curl, -fsSLO, "https://example.com/data.csv"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoWorkflowKind(object)) return;
    const specRoute = workflowSpecRoute(object);
    if (object.get([...specRoute, 'templateDefaults', 'retryStrategy']) !== undefined) return;
    asArray(object.get([...specRoute, 'templates'])).forEach((raw, i) => {
      const t = asObj(raw);
      if (t.retryStrategy !== undefined) return;
      const runs = [t.container, t.script].map(asObj);
      const text = runs
        .flatMap((c) => [...asArray(c.command), ...asArray(c.args), c.source])
        .map((v) => asString(v) ?? '')
        .join(' ');
      if (!('http' in t) && !NETWORK.test(text)) return;
      report(ctx, object, object.keyAt([...specRoute, 'templates', i])!, `Template \`${asString(t.name) ?? i}\` of ${object.kind} \`${object.name}\` calls the network without a retryStrategy.`, asString(t.name) ?? String(i));
    });
  },
});
