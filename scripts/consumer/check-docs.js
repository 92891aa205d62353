// The docs in the tarball stand alone: README.md, API.md and the JSDoc in lib/**/*.d.ts (what
// editors show) name no files outside the package.
//   node check-docs.js <unpacked package dir, or the repository after a build>
// (.ci/run runs it last on the repository, whose README.md, API.md and lib/**/*.d.ts are the files
// `npm pack` ships, so a doc fix pending elsewhere does not stop the other CI steps.)
// Fails on any mention of the project's shared notes (`shared/...`) and on relative markdown links
// to files the tarball does not hold. API.md is generated from the JSDoc in lib/, so its hits
// are fixed there (then `npm run docgen`).
const { existsSync, readFileSync, readdirSync } = require('fs');
const path = require('path');

const [dir] = process.argv.slice(2);
const problems = [];
const dts = (d) => readdirSync(path.join(dir, d), { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? dts(path.join(d, e.name)) : e.name.endsWith('.d.ts') ? [path.join(d, e.name)] : []);
for (const doc of ['README.md', 'API.md', ...dts('lib')]) {
  const lines = readFileSync(path.join(dir, doc), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/(^|[^\w.-])(\.\.\/)*shared\/\S/.test(line)) problems.push(`${doc}:${i + 1}: ${line.trim().slice(0, 160)}`);
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/i.test(target)) continue;
      if (!existsSync(path.join(dir, target))) problems.push(`${doc}:${i + 1}: link to ${m[1]}, which is not in the package`);
    }
  });
}
if (problems.length) {
  console.error(`the packaged docs point outside the package (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('README.md, API.md and lib/**/*.d.ts name no files outside the package');
