// Preloaded into every process the bench times (`node --import ./bench/rusage.mjs …`):
// when the process exits it writes its own resource usage (user + system CPU of
// all its threads, and peak memory) to the file named by $YJPACK_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';

const target = process.env.YJPACK_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
  });
}
