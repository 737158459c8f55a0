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

//   YJ_SIGNAL_AFTER_LAUNCH=MS:SIGNAL  sends SIGNAL to this process MS milliseconds after Chromium has
//                                     started (while the PDF is being printed).
//   YJ_SIGNAL_DURING_LAUNCH=SIGNAL    sends SIGNAL as soon as Chromium's launch has begun (it is starting).
const afterLaunch = process.env.YJ_SIGNAL_AFTER_LAUNCH;
const duringLaunch = process.env.YJ_SIGNAL_DURING_LAUNCH;
if (afterLaunch || duringLaunch) {
  const { chromium } = (await import('playwright-core')).default;
  const realLaunch = chromium.launch.bind(chromium);
  chromium.launch = async (...args) => {
    const launching = realLaunch(...args);
    if (duringLaunch) setTimeout(() => process.kill(process.pid, duringLaunch), 20);
    const browser = await launching;
    if (afterLaunch) {
      const [ms, signal] = afterLaunch.split(':');
      setTimeout(() => process.kill(process.pid, signal), Number(ms));
    }
    return browser;
  };
}
