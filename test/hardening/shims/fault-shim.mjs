// Fault injection for child-process tests, loaded with `node --import`. Driven by the environment:
//   YJ_SIGNAL_ON_RENAME=N:SIGNAL[:SUFFIX]  sends SIGNAL to this process just before its N-th rename of a
//                                 file whose name ends with SUFFIX (default .tmp, the output temporaries;
//                                 .loading is a load's working copy of the store), then lets the rename run.
//   YJ_SIGNAL_ON_OPEN=SUFFIX:SIGNAL  sends SIGNAL just after the first open of a file ending with SUFFIX
//                                 (fs.promises.open, or fs.open as a write stream opens its file), and lets
//                                 the signal handler run before the opener goes on.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
const spec = process.env.YJ_SIGNAL_ON_RENAME;
if (spec) {
  const [nth, signal, suffix = '.tmp'] = spec.split(':');
  const realRename = fs.promises.rename;
  let seen = 0;
  fs.promises.rename = async (from, to) => {
    if (String(from).endsWith(suffix)) {
      seen += 1;
      if (seen === Number(nth)) {
        process.kill(process.pid, signal);
        // Let a signal handler run (SIGKILL never returns).
        await pause();
      }
    }
    return realRename(from, to);
  };
  syncBuiltinESMExports();
}
const onOpen = process.env.YJ_SIGNAL_ON_OPEN;
if (onOpen) {
  const [suffix, signal] = onOpen.split(':');
  const realOpen = fs.promises.open;
  let done = false;
  fs.promises.open = async (path, ...rest) => {
    const handle = await realOpen(path, ...rest);
    if (!done && String(path).endsWith(suffix)) {
      done = true;
      process.kill(process.pid, signal);
      await pause();
    }
    return handle;
  };
  const realOpenCallback = fs.open;
  fs.open = (path, ...rest) => {
    const callback = rest.pop();
    realOpenCallback(path, ...rest, (error, fd) => {
      if (error || done || !String(path).endsWith(suffix)) return callback(error, fd);
      done = true;
      process.kill(process.pid, signal);
      void pause().then(() => callback(error, fd));
    });
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
