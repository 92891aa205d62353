// Reads the README's instructions so the consumer test follows them as written, not a copy.
//   node readme.js install <README> <tarball>    the Installation section's `npm install` lines,
//                                                 with the package name replaced by the tarball
//   node readme.js same-as <README> <file>...    each file's content appears verbatim in the README
//   node readme.js cli-config <README> <dir>     the offline CLI config (hcl block with
//                                                 provider_installation), mirror path set to <dir>
const { readFileSync } = require('fs');
const { basename } = require('path');

const [cmd, readmePath, ...args] = process.argv.slice(2);
const readme = readFileSync(readmePath, 'utf8');
const fail = (msg) => { console.error(`README: ${msg}`); process.exit(1); };

function section(title) {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) fail(`no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}
function codeBlocks(text, lang) {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...text.matchAll(re)].map((m) => m[1]);
}

if (cmd === 'install') {
  const [tarball] = args;
  const lines = codeBlocks(section('Installation'), 'sh').join('').split('\n').filter((l) => /^npm install [^&]/.test(l)); // not `npm install && ...` (init's next step)
  if (lines.length !== 2) fail(`expected two "npm install" lines in the Installation section, found ${lines.length}`);
  if (!lines[0].split(/\s+/).includes('cdktf-docker-fleet')) fail('the first install line does not name cdktf-docker-fleet');
  if (lines.some((l) => /--legacy-peer-deps|--force\b/.test(l))) fail('an install line needs --legacy-peer-deps or --force');
  // The pinned versions are the repository's own devDependencies (what its tests run with).
  const dev = JSON.parse(readFileSync(require('path').join(__dirname, '..', '..', 'package.json'), 'utf8')).devDependencies;
  for (const w of lines.join(' ').split(/\s+/)) {
    const m = /^(@?[^@\s]+)@(.+)$/.exec(w);
    if (m && dev[m[1]] !== m[2]) fail(`installs ${w}, but package.json's devDependencies have ${m[1]}@${dev[m[1]]}`);
  }
  for (const l of lines) console.log(l.split(/\s+/).map((w) => (w === 'cdktf-docker-fleet' ? tarball : w)).join(' '));
} else if (cmd === 'same-as') {
  const blocks = codeBlocks(section('Testing your own stacks'), 'js');
  for (const f of args) {
    const want = `// ${basename(f)}\n${readFileSync(f, 'utf8')}`;
    if (!blocks.includes(want)) fail(`the "Testing your own stacks" section has no js block "// ${basename(f)}" equal to ${f}`);
  }
} else if (cmd === 'cli-config') {
  const [dir] = args;
  const hcl = codeBlocks(readme, 'hcl').filter((b) => b.includes('provider_installation'));
  if (hcl.length !== 1) fail(`expected one hcl block with provider_installation, found ${hcl.length}`);
  if (!hcl[0].includes('"/opt/tf-plugins"')) fail('the provider_installation block does not use the path "/opt/tf-plugins"');
  process.stdout.write(hcl[0].replace('"/opt/tf-plugins"', JSON.stringify(dir)));
} else {
  fail(`unknown command ${cmd}`);
}
