// The floor of a `cdktf-docker-fleet explain`/`diff` run: node, loading the CLI and parsing every
// stack of the apps it is given (node scripts/bench/cli-floor.js DIR ...), and nothing else.
const { readFileSync, readdirSync } = require('fs');
const { join } = require('path');

require(join(__dirname, '..', '..', 'lib', 'cli', 'main'));

function parseStacks(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) parseStacks(p);
    else if (e.name === 'cdk.tf.json') JSON.parse(readFileSync(p, 'utf8'));
  }
}

for (const dir of process.argv.slice(2)) parseStacks(dir);
