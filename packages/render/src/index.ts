export { findOnPath } from './binary.js';
export { DiskRenderCache, type DiskRenderCacheOptions, type RenderCacheStats } from './cache/disk-cache.js';
export { MemoryRenderCache, type RenderCache } from './cache/render-cache.js';
export { HelmRenderer, type HelmRendererOptions, splitBySource } from './helm/renderer.js';
export { KustomizeRenderer, type KustomizeRendererOptions } from './kustomize/renderer.js';
export { alignRoute, indexTemplate } from './source-map/template-index.js';
