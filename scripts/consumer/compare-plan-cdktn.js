// Compares two `terraform show -json` plans of the same stack, synthesized by the cdktf line and
// by the cdktn line: the same resource addresses, provider addresses, actions and planned values,
// that is, the same state, so a stack moves from one line to the other without replacing anything.
//   node compare-plan-cdktn.js <plan.json of cdktf> <plan.json of cdktn>
const { readFileSync } = require('fs');

const [a, b] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const rows = (p) => Object.fromEntries(p.resource_changes.map((c) => [c.address, {
  provider: c.provider_name, actions: c.change.actions, after: c.change.after, unknown: c.change.after_unknown,
}]));
const ra = rows(a);
const rb = rows(b);
const problems = [];
for (const addr of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
  if (!ra[addr] || !rb[addr]) { problems.push(`${addr}: only in the ${ra[addr] ? 'cdktf' : 'cdktn'} plan`); continue; }
  for (const k of ['provider', 'actions', 'after', 'unknown']) {
    if (JSON.stringify(ra[addr][k]) !== JSON.stringify(rb[addr][k])) problems.push(`${addr}: ${k} differs`);
  }
}
const outputs = (p) => JSON.stringify(p.planned_values?.outputs ?? {});
if (outputs(a) !== outputs(b)) problems.push('planned outputs differ');
if (problems.length) {
  console.error(`the cdktf and cdktn plans differ:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const providers = [...new Set(Object.values(ra).map((r) => r.provider))];
console.log(`plans equal: ${Object.keys(ra).length} resource changes, provider ${providers.join(', ')}, same planned values and outputs`);
