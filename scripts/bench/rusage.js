// Preloaded into each measured node process (node --require): on exit it writes the process's own
// CPU time (user and system, microseconds) and peak resident set size (getrusage ru_maxrss, KiB
// on Linux) to $BENCH_RUSAGE_FILE.
const { writeFileSync } = require('fs');

process.on('exit', () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKiB: u.maxRSS }));
});
