// Runs the jsii build only when lib/ changed since the last successful one, so `npm run test:full`
// right after `npm run build` (as in .ci/run) does not compile the same sources twice.
//   node scripts/jsii-build-if-changed.js            build unless the sources match the stamp
//   node scripts/jsii-build-if-changed.js --record   write the stamp (the end of `npm run build`)
// The stamp is a SHA-256 of every lib/**/*.ts source (generated bindings included), package.json
// and the jsii version, kept in node_modules/.cache (so `npm ci` forgets it). It means "jsii
// compiled exactly these sources", not "lib/**/*.js is jsii's output" (the examples' tsc compile
// rewrites those): run `npm run build` itself before packing, as the consumer test does.
const { createHash } = require('crypto');
const { execFileSync } = require('child_process');
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

const root = join(__dirname, '..');
const stampFile = join(root, 'node_modules', '.cache', 'cdktf-docker-fleet', 'jsii-build.sha256');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  }).sort();
}

function fingerprint() {
  const h = createHash('sha256');
  const jsii = JSON.parse(readFileSync(require.resolve('jsii/package.json', { paths: [root] }), 'utf8')).version;
  h.update(`jsii ${jsii}\n`);
  for (const f of [join(root, 'package.json'), ...sources(join(root, 'lib'))]) {
    h.update(`${relative(root, f)}\n`).update(readFileSync(f)).update('\n');
  }
  return h.digest('hex');
}

if (process.argv.includes('--record')) {
  mkdirSync(join(stampFile, '..'), { recursive: true });
  writeFileSync(stampFile, `${fingerprint()}\n`);
} else {
  const built = existsSync(join(root, '.jsii')) && existsSync(join(root, 'lib', 'index.js'));
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (built && stamp === fingerprint()) {
    console.log(`jsii build skipped: lib/ is unchanged since the last successful build (${stamp.slice(0, 12)})`);
  } else {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
