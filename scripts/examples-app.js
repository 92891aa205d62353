// Runs the examples app (examples/app.ts): all examples, or the one named as the first argument
// (each examples/<name>/cdktf.json runs `node ../../scripts/examples-app.js <name>`). The library
// and examples are compiled to JavaScript in .examples-build/ (never over jsii's lib/*.js)
// first when the sources are newer than their output, so `npx cdktf synth` works right after
// `npm ci`; the compile uses the same TypeScript that jsii checks the library with. The programs
// the library writes to hosts (lib/**/*.sh, *.py, read next to their modules) are copied along.
const { execFileSync } = require('child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, readdirSync } = require('fs');
const { dirname, join, relative } = require('path');

const root = join(__dirname, '..');
function newest(dir, ext) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, ext));
    else if (e.name.endsWith(ext) && !e.name.endsWith('.d.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
const out = join(root, '.examples-build', 'examples', 'app.js');
const srcTime = Math.max(newest(join(root, 'lib'), '.ts'), newest(join(root, 'examples'), '.ts'));
if (!existsSync(out) || statSync(out).mtimeMs < srcTime) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.examples.json')], { stdio: 'inherit' });
}
function programs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? programs(p) : /\.(sh|py)$/.test(e.name) ? [p] : [];
  });
}
for (const src of programs(join(root, 'lib'))) {
  const dest = join(root, '.examples-build', relative(root, src));
  if (existsSync(dest) && readFileSync(dest).equals(readFileSync(src))) continue;
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(src, dest);
}
if (process.argv[2]) process.env.FLEET_EXAMPLE = process.argv[2];
require(out);
