// Preloaded into each measured process (node --require): on exit it writes the process's own
// peak resident set size (getrusage ru_maxrss, KiB on Linux) to $BENCH_RUSAGE_FILE.
const { writeFileSync } = require('fs');

process.on('exit', () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
});
