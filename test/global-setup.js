// Builds the effect layer's cached roots once per machine, before any test runs (a fresh
// machine needs minutes; inside a test that would race the test's own timeout). Cached under
// /var/cache/cdktf-docker-fleet, so later runs only check that the layers are there.
// Runs when the selected tests include the effect layer (the whole suite, or a path naming
// test/effect); needs root, as the effect layer does (without root its tests skip, or fail
// under CI=true).
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function globalSetup(globalConfig) {
  const pattern = globalConfig.testPathPattern || '';
  const wanted = pattern === '' || /effect/.test(pattern);
  if (!wanted) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    // eslint-disable-next-line no-console
    console.warn('\n!! not root: the effect layer\'s cached roots are not built (its tests need root)\n');
    return;
  }
  const started = Date.now();
  for (const script of ['effect-root.sh', 'effect-docker-layer.sh', 'effect-vm-layer.sh']) {
    execFileSync('bash', [path.join(__dirname, '..', 'scripts', script)], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 1_200_000 });
  }
  const s = (Date.now() - started) / 1000;
  // eslint-disable-next-line no-console
  if (s > 5) console.log(`\neffect layer: cached roots built in ${s.toFixed(0)} s\n`);
};
