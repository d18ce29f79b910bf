export type { LabelSelector } from './graph.js';
export { isEmptySelector, K8sGraph, k8sGraph, k8sLinks, k8sPartition, selectorMatches } from './graph.js';
export type { Obj } from './object.js';
export { asArray, asObj, asString, DEFAULT_NAMESPACE, isObj, K8sObject, k8sObjectsOf } from './object.js';
export type { ContainerKind, PodViewPart, Setting, WorkloadClass, WorkloadKindInfo } from './pod.js';
export {
  ContainerView,
  containersOfPods,
  derivedPodLabels,
  isArgoWorkflowKind,
  isTektonKind,
  PodSpecView,
  podSpecsOf,
  workloadKind,
} from './pod.js';
