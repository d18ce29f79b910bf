import { isAbsolute } from 'node:path';
import { DiskRenderCache } from '@plumbline/render';
import { userCacheFolder } from './cache-home.js';

/**
 * The render cache of a CLI scan (see DiskRenderCache): `~/.cache/plumbline/render` by default;
 * PLUMBLINE_RENDER_CACHE names another absolute folder, or turns it off (`off`, `0`, `false`), as
 * does `--no-render-cache`. Undefined when off, or when there is no home for it.
 */
export function renderCacheFor(
  env: Record<string, string | undefined>,
  wanted: boolean,
): DiskRenderCache | undefined {
  const setting = env.PLUMBLINE_RENDER_CACHE?.trim() ?? '';
  if (!wanted || ['off', '0', 'false'].includes(setting.toLowerCase())) return undefined;
  const folder = isAbsolute(setting) ? setting : userCacheFolder(env, 'render');
  return folder ? new DiskRenderCache(folder) : undefined;
}
