import { type CelEnv, type CelFunc, type CelList, CelScalar, celEnv, celFunc, listType } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { kubernetesLibrary } from './kubernetes-library.js';

/** Key of the map that stands for a Terraform value unknown until apply (see the input docs). */
export const UNKNOWN_KEY = '@unknown';

const plumblineLibrary: CelFunc[] = [
  celFunc('isUnknown', [CelScalar.DYN], CelScalar.BOOL, (value) => {
    const v = value as unknown as { get?: (k: string) => unknown; has?: (k: string) => boolean };
    return typeof v?.has === 'function' && v.has(UNKNOWN_KEY) === true;
  }),
  // The indexes of a list, so a policy can name the element it reports: `indices(l).filter(i, ...)`.
  celFunc('indices', [listType(CelScalar.DYN)], listType(CelScalar.INT), (list) =>
    Array.from({ length: (list as CelList).size }, (_, i) => BigInt(i)),
  ),
];

/** One environment for every policy: the standard library, strings, the Kubernetes libraries. */
export const policyEnvironment: CelEnv = celEnv({
  funcs: [...strings, ...kubernetesLibrary, ...plumblineLibrary],
});
