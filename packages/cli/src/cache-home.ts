import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * A folder of Plumbline's per-user cache: `$XDG_CACHE_HOME/plumbline/<name>` (else
 * `~/.cache/plumbline/<name>`); undefined when there is no home to put it in (os.homedir() can throw).
 */
export function userCacheFolder(env: Record<string, string | undefined>, name: string): string | undefined {
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  try {
    return join(xdg ?? join(homedir(), '.cache'), 'plumbline', name);
  } catch {
    return undefined;
  }
}
