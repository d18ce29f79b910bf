// `node --import ./load-log.mjs`: appends the URL of every module file the process (and each of
// its worker threads, which run this preload too) compiles to the file named by PLUMBLINE_LOAD_LOG.
// Tests use it to see what a command imports. It listens to the inspector's `scriptParsed` on the
// thread itself: Node 20's module hooks (`module.register`) run on a loader thread of their own,
// one round trip per module, and cost ~0.5 s more per run (bench/README.md, fifteenth session).
import { appendFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const log = process.env.PLUMBLINE_LOAD_LOG;
if (log) {
  const session = new Session();
  session.connect();
  session.on('Debugger.scriptParsed', ({ params }) => {
    if (params.url.startsWith('file:')) appendFileSync(log, `${params.url}\n`);
  });
  session.post('Debugger.enable');
}
