import type { ParsedFile } from './language.js';

/**
 * Everything parsed in one run. Domains derive their models from it (a Kubernetes object
 * graph, a Terraform module) once, through `memo`, and every rule shares the result.
 */
export class Project {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly files: readonly ParsedFile[]) {}

  byLanguage<M>(language: string): ParsedFile<M>[] {
    return this.files.filter((f) => f.language === language) as ParsedFile<M>[];
  }

  memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }
}
