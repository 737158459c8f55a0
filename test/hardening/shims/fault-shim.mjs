// Fault injection for child-process tests, loaded with `node --import`. Driven by the environment:
//   YJ_SIGNAL_ON_RENAME=N:SIGNAL  sends SIGNAL to this process just before its N-th rename of a
//                                 temporary (.tmp) over an output (1-based), then lets the rename run.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const spec = process.env.YJ_SIGNAL_ON_RENAME;
if (spec) {
  const [nth, signal] = spec.split(':');
  const realRename = fs.promises.rename;
  let seen = 0;
  fs.promises.rename = async (from, to) => {
    if (String(from).endsWith('.tmp')) {
      seen += 1;
      if (seen === Number(nth)) {
        process.kill(process.pid, signal);
        // Let a signal handler run (SIGKILL never returns).
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return realRename(from, to);
  };
  syncBuiltinESMExports();
}
