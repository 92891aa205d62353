// Compares the cdktf line's and the cdktn line's `synth` output of the same app, stack by stack.
//   node compare-synth-cdktn.js <cdktf.out of cdktf> <cdktf app dir> <cdktf.out of cdktn> <cdktn app dir>
// App directories (in the local backend's state path) become "<app>" first. Allowed differences,
// each checked, everything else fails:
// - terraform.required_providers.aws.version: the constraint @cdktf/provider-aws or
//   @cdktn/provider-aws writes (the provider version each binding wraps);
// - terraform.required_providers.aws.source "aws" vs "hashicorp/aws": both are the address
//   registry.terraform.io/hashicorp/aws (Terraform's default namespace and host; run-cdktn.sh
//   also compares the two plans' provider_name fields);
// - "//".metadata.version: the framework's own version, which must equal the installed
//   cdktf's and cdktn's package.json versions.
// Prints every difference found (allowed or not).
const { readFileSync, readdirSync } = require('fs');
const path = require('path');

const [a, rootA, b, rootB] = process.argv.slice(2);
const roots = { [a]: rootA, [b]: rootB };
const version = (root, pkg) => JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const frameworks = { [a]: version(rootA, 'cdktf'), [b]: version(rootB, 'cdktn') };
const stacks = (dir) => readdirSync(path.join(dir, 'stacks')).sort();
const load = (dir, s) => JSON.parse(readFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), 'utf8').split(roots[dir]).join('<app>'));
const providerAddress = (src) => {
  const parts = src.split('/');
  return (parts.length === 1 ? ['registry.terraform.io', 'hashicorp', ...parts]
    : parts.length === 2 ? ['registry.terraform.io', ...parts] : parts).join('/').toLowerCase();
};

function diff(x, y, at, out) {
  if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y) || x === null || y === null || typeof x !== 'object') {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ at: at.join('.'), a: x, b: y });
    return out;
  }
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diff(x[k], y[k], [...at, k], out);
  return out;
}

function allowed(e) {
  if (e.at === 'terraform.required_providers.aws.version') return 'the AWS provider binding\'s version constraint';
  if (e.at.startsWith('terraform.required_providers.') && e.at.endsWith('.source')
    && typeof e.a === 'string' && typeof e.b === 'string' && providerAddress(e.a) === providerAddress(e.b)) {
    return `the same provider address ${providerAddress(e.a)}`;
  }
  if (e.at === '//.metadata.version' && e.a === frameworks[a] && e.b === frameworks[b]) return 'the framework versions (cdktf, cdktn)';
  return undefined;
}

const problems = [];
if (JSON.stringify(stacks(a)) !== JSON.stringify(stacks(b))) problems.push(`different stacks: ${stacks(a)} vs ${stacks(b)}`);
for (const s of stacks(a)) {
  const d = diff(load(a, s), load(b, s), [], []);
  for (const e of d) {
    const why = allowed(e);
    const line = `${s}: ${e.at}: ${JSON.stringify(e.a)?.slice(0, 200)} (cdktf) -> ${JSON.stringify(e.b)?.slice(0, 200)} (cdktn)`;
    if (why) console.log(`${line}: allowed, ${why}`);
    else problems.push(line);
  }
  console.log(`${s}: ${d.length ? `${d.length} difference(s)` : 'identical'}; ${Object.keys(load(a, s).resource ?? {}).length} resource types compared`);
}
if (problems.length) {
  console.error(`the cdktn line synthesizes different Terraform:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
