#!/usr/bin/env node
// Prints the README's generated tables from the library's data; test/readme.test.ts checks the
// README holds exactly these rows:
// - the capability rows of the OS table ("The operating systems"), from lib/os/capabilities.ts;
// - the Alpine branch table of "The operating systems", from lib/os/alpine-releases.ts;
// - the variant table of "Bottlerocket on ECS", from lib/os/bottlerocket-variants.ts.
// Usage: npm run build && node scripts/os-table.js
const { ContainerOs } = require('../lib');
const { FEATURE_LABELS, POLICY_LABELS } = require('../lib/os/capabilities');
const { alpineReleaseRows } = require('../lib/os/alpine-releases');
const { bottlerocketVariantRows } = require('../lib/os/bottlerocket-variants');

const oses = [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()];
const cell = (ok) => (ok ? 'yes' : 'no');
console.log('<!-- The operating systems: capability rows -->');
for (const [feature, label] of FEATURE_LABELS) {
  console.log(`| ${label} | ${oses.map((o) => cell(o.canExpress(feature))).join(' | ')} |`);
}
for (const [kind, label] of POLICY_LABELS) {
  console.log(`| \`UpdatePolicy.${label}\` | ${oses.map((o) => cell(o.supportsPolicy(kind))).join(' | ')} |`);
}
console.log('\n<!-- The operating systems: Alpine branches -->');
for (const row of alpineReleaseRows()) console.log(row);
console.log('\n<!-- Bottlerocket on ECS: variants -->');
for (const row of bottlerocketVariantRows()) console.log(row);
