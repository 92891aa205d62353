// Compares two `cdktf synth` outputs stack by stack: they may differ only in the AWS provider's
// version constraint (terraform.required_providers.aws.version).
//   node compare-synth.js <cdktf.out A> <app dir A> <cdktf.out B> <app dir B> [exact]
// With `exact` (the same app on two Node.js lines) nothing may differ.
// The app directories (in the local backend's state path) are replaced by "<app>" first.
const { readFileSync, readdirSync } = require('fs');
const path = require('path');

const [a, rootA, b, rootB, mode] = process.argv.slice(2);
const exact = mode === 'exact';
const roots = { [a]: rootA, [b]: rootB };
const ALLOWED = 'terraform.required_providers.aws.version';
const stacks = (dir) => readdirSync(path.join(dir, 'stacks')).sort();
const load = (dir, s) => JSON.parse(readFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), 'utf8').split(roots[dir]).join('<app>'));

function diff(x, y, at, out) {
  if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y) || x === null || y === null || typeof x !== 'object') {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ at: at.join('.'), a: x, b: y });
    return out;
  }
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diff(x[k], y[k], [...at, k], out);
  return out;
}

const problems = [];
if (JSON.stringify(stacks(a)) !== JSON.stringify(stacks(b))) problems.push(`different stacks: ${stacks(a)} vs ${stacks(b)}`);
for (const s of stacks(a)) {
  const d = diff(load(a, s), load(b, s), [], []);
  for (const e of d) {
    if (e.at === ALLOWED && !exact) console.log(`${s}: ${e.at}: ${JSON.stringify(e.a)} -> ${JSON.stringify(e.b)} (expected)`);
    else problems.push(`${s}: ${e.at}: ${JSON.stringify(e.a)?.slice(0, 200)} -> ${JSON.stringify(e.b)?.slice(0, 200)}`);
  }
  if (!d.length) console.log(`${s}: identical`);
  if (!exact && load(a, s).terraform?.required_providers?.aws && !d.some((e) => e.at === ALLOWED)) {
    problems.push(`${s}: the AWS provider constraint did not change; was the other provider version installed?`);
  }
}
if (problems.length) {
  console.error(`synthesized JSON differs${exact ? '' : ` beyond ${ALLOWED}`}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
