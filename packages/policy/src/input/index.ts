import type { AnyRule, Domain, Project } from '@plumbline/core';
import type { DockerfileModel } from '@plumbline/lang-dockerfile';
import type { TfModule } from '@plumbline/lang-hcl';
import type { GhaUnit, K8sObject } from '@plumbline/lang-yaml';
import { dockerfileDomain } from '@plumbline/policy-dockerfile';
import { ghaDomain } from '@plumbline/policy-github-actions';
import { k8sDomain } from '@plumbline/policy-kubernetes';
import { terraformDomain } from '@plumbline/policy-terraform';
import type { PolicyLanguage, PolicySpec } from '../load/policy-document.js';
import { dockerfileInput } from './dockerfile.js';
import { kubernetesInput } from './kubernetes.js';
import { terraformModuleInput, terraformResourceInput } from './terraform.js';
import type { UnitInput } from './unit-input.js';
import { workflowInput } from './workflow.js';

/** How one language turns a domain unit into policy inputs, and what its variables are called. */
export interface LanguageBinding {
  domain: Domain<any>;
  /** Declared CEL variables (the checker rejects any other name). */
  variables: readonly string[];
  /** The variable `at:` paths start from when they name none (`metadata.labels` → `object.metadata.labels`). */
  root: (match: PolicySpec['match']) => string;
  /** The inputs of a unit the policy's `match` selects. */
  inputs(unit: unknown, match: PolicySpec['match'], project: Project): UnitInput[];
}

export const LANGUAGES: Record<PolicyLanguage, LanguageBinding> = {
  kubernetes: {
    domain: k8sDomain,
    variables: ['object', 'kind', 'name', 'namespace', 'file', 'related'],
    root: () => 'object',
    inputs(unit, match, project) {
      const object = unit as K8sObject;
      // A Kustomize patch or a workload without images is a fragment: policies about what is
      // missing would fire on what the base supplies, so fragments are left out, as built-in rules do.
      if (object.partial) return [];
      if (match.kinds?.length && !match.kinds.includes(object.kind)) return [];
      if (match.apiVersions?.length && !match.apiVersions.includes(object.apiVersion)) return [];
      if (match.namespaces?.length && !match.namespaces.includes(object.namespace)) return [];
      return [kubernetesInput(object, project)];
    },
  },
  dockerfile: {
    domain: dockerfileDomain,
    variables: ['dockerfile'],
    root: () => 'dockerfile',
    inputs: (unit) => [dockerfileInput(unit as DockerfileModel)],
  },
  terraform: {
    domain: terraformDomain,
    variables: ['resource', 'module'],
    root: (match) => (match.scope === 'module' ? 'module' : 'resource'),
    inputs(unit, match) {
      const module = unit as TfModule;
      if (match.scope === 'module') {
        const input = terraformModuleInput(module);
        return input ? [input] : [];
      }
      const types = match.resourceTypes;
      return [...module.resources, ...module.dataSources]
        .filter((r) => r.exists && (!types?.length || types.includes(r.resourceType)))
        .flatMap((r) => r.instances())
        .map(terraformResourceInput);
    },
  },
  workflow: {
    domain: ghaDomain,
    variables: ['workflow'],
    root: () => 'workflow',
    inputs: (unit) => ((unit as GhaUnit).kind === 'workflow' ? [workflowInput(unit as never)] : []),
  },
};

export type { AnyRule, UnitInput };
