// The README's cdktn install commands, as the cdktn consumer test runs them.
//   node readme-cdktn.js install <README> <cdktn tarball>
// prints the `npm install` lines of the section "cdktf or CDK Terrain" (its sh code blocks), with
// `cdktn-docker-fleet` replaced by the tarball. Exactly two lines: the first names
// cdktn-docker-fleet, the second cdktn-cli; no --legacy-peer-deps/--force, no cdktf package.
const { readFileSync } = require('fs');

const [cmd, readmePath, tarball] = process.argv.slice(2);
const readme = readFileSync(readmePath, 'utf8');
const fail = (msg) => { console.error(`README: ${msg}`); process.exit(1); };
const TITLE = 'cdktf or CDK Terrain';

if (cmd !== 'install' || !tarball) fail('usage: node readme-cdktn.js install <README> <tarball>');
const start = readme.indexOf(`\n## ${TITLE}\n`);
if (start < 0) fail(`no "## ${TITLE}" section`);
const end = readme.indexOf('\n## ', start + 1);
const text = readme.slice(start, end < 0 ? undefined : end);
const lines = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('').split('\n').filter((l) => l.startsWith('npm install '));
if (lines.length !== 2) fail(`expected two "npm install" lines in "${TITLE}", found ${lines.length}`);
const words = lines.map((l) => l.split(/\s+/));
if (!words[0].includes('cdktn-docker-fleet')) fail('the first install line does not name cdktn-docker-fleet');
if (!words[1].some((w) => w.startsWith('cdktn-cli@'))) fail('the second install line does not name cdktn-cli');
if (lines.some((l) => /--legacy-peer-deps|--force\b/.test(l))) fail('an install line needs --legacy-peer-deps or --force');
if (words.flat().some((w) => /^(@cdktf\/|cdktf(@|-cli|$))/.test(w))) fail('a cdktn install line names a cdktf package');
for (const w of words) console.log(w.map((x) => (x === 'cdktn-docker-fleet' ? tarball : x)).join(' '));
