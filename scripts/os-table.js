#!/usr/bin/env node
// Prints the capability rows of the README's OS table from the OS capability table
// (lib/os/capabilities.ts); test/readme.test.ts checks the README holds exactly these rows.
// Usage: npm run build && node scripts/os-table.js
const { ContainerOs } = require('../lib');
const { FEATURE_LABELS, POLICY_LABELS } = require('../lib/os/capabilities');

const oses = [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()];
const cell = (ok) => (ok ? 'yes' : 'no');
for (const [feature, label] of FEATURE_LABELS) {
  console.log(`| ${label} | ${oses.map((o) => cell(o.canExpress(feature))).join(' | ')} |`);
}
for (const [kind, label] of POLICY_LABELS) {
  console.log(`| \`UpdatePolicy.${label}\` | ${oses.map((o) => cell(o.supportsPolicy(kind))).join(' | ')} |`);
}
