// Module hooks of load-log.mjs (they run on the loader's own thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.PLUMBLINE_LOAD_LOG) appendFileSync(process.env.PLUMBLINE_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
