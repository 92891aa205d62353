// Checks what `npm pack` put in the tarball: the compiled package, nothing else.
//   node check-tarball.js <npm pack --json output>
// Prints size and file count; exits 1 listing every problem.
const { readFileSync } = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [packJson, tarball] = process.argv.slice(2);
const [pack] = JSON.parse(readFileSync(packJson, 'utf8'));
const files = new Set(pack.files.map((f) => f.path));
const problems = [];

for (const f of ['package.json', 'README.md', 'API.md', 'LICENSE', '.jsii', 'lib/index.js', 'lib/index.d.ts']) {
  if (!files.has(f)) problems.push(`missing ${f}`);
}
if (![...files].some((f) => /^lib\/platforms\/libvirt\/gen\/.*\.js$/.test(f))) problems.push('missing the compiled libvirt 0.8.3 bindings (lib/platforms/libvirt/gen/**/*.js)');
if (![...files].some((f) => /^lib\/platforms\/libvirt\/v09\/gen\/.*\.js$/.test(f))) problems.push('missing the compiled libvirt 0.9.7 bindings (lib/platforms/libvirt/v09/gen/**/*.js)');
for (const f of files) {
  if (f.startsWith('node_modules/')) continue; // bundledDependencies, checked below
  if (/^(test|examples|scripts|\.ci|dist|coverage|cdktf\.out|bench-results)\//.test(f)) problems.push(`ships ${f}`);
  else if (f.endsWith('.ts') && !f.endsWith('.d.ts')) problems.push(`ships TypeScript source ${f}`);
  else if (/^tsconfig.*\.json$|^jest\.config|^cdktf\.json$|^package-lock\.json$/.test(f)) problems.push(`ships ${f}`);
  else if (f.endsWith('.js') && !files.has(f.replace(/\.js$/, '.d.ts'))) problems.push(`${f} has no .d.ts`);
}
for (const dep of pack.bundled ?? []) {
  if (!files.has(`node_modules/${dep}/package.json`)) problems.push(`bundled dependency ${dep} is not in the tarball`);
}

// Every relative require() of every shipped module resolves to a shipped file (the bug that made
// the package uninstallable: "Cannot find module './bootconfig/host-config'").
const dir = tarball ? (() => {
  const d = path.join(path.dirname(tarball), 'unpacked');
  execFileSync('mkdir', ['-p', d]);
  execFileSync('tar', ['-xzf', tarball, '-C', d]);
  return path.join(d, 'package');
})() : undefined;
if (dir) {
  for (const f of files) {
    if (!f.startsWith('lib/') || !f.endsWith('.js')) continue;
    const src = readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/require\(["'](\.{1,2}\/[^"']+)["']\)/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]));
      const candidates = [target, `${target}.js`, `${target}.json`, `${target}/index.js`];
      if (!candidates.some((c) => files.has(c))) problems.push(`${f}: require("${m[1]}") resolves to nothing in the tarball`);
    }
    // Programs the library writes to hosts are files read next to the module (core/packaged-file.ts).
    for (const m of src.matchAll(/packagedFile\)?\(__dirname, ["']([^"']+)["']\)/g)) {
      const target = path.posix.join(path.posix.dirname(f), m[1]);
      if (!files.has(target)) problems.push(`${f}: reads ${m[1]}, and the tarball has no ${target}`);
    }
  }
}

console.log(`tarball ${pack.filename}: ${pack.size} bytes packed, ${pack.unpackedSize} bytes unpacked, ${pack.entryCount} files`
  + ` (${[...files].filter((f) => f.startsWith('node_modules/')).length} of them bundled: ${(pack.bundled ?? []).join(', ')})`);
if (problems.length) {
  console.error(`the tarball is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
