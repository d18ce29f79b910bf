import { Script } from 'node:vm';

/**
 * V8 code-cache data records a hash of the process's flags: data made before a flag changed is
 * rejected after it, and accepted again once the flag is back (the check v8-code-cache.ts makes
 * before writing its cache). The returned function says whether the flags are as they were now.
 */
export function flagsProbe(tag: string): () => boolean {
  const probe = new Script(`"${tag}:0"`).createCachedData();
  let probes = 0;
  return () => new Script(`"${tag}:${++probes % 10}"`, { cachedData: probe }).cachedDataRejected === false;
}
