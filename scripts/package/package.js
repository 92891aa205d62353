// `npm run package`: both lines of the package from the one source, in dist/js:
//   dist/js/cdktf-docker-fleet-<v>.tgz   npm pack of the jsii build (cdktf)
//   dist/js/cdktn-docker-fleet-<v>.tgz   the same files rewritten for CDK Terrain (scripts/package/cdktn.js)
// Runs `npm run build` first (lib/**/*.js must be jsii's output: the examples' tsc compile writes
// there too), unless PACKAGE_BUILT=1 says the caller has just built. Prints the two paths
// (relative to the repository) on stdout, everything else on stderr.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { buildCdktnTarball } = require('./cdktn');

const root = path.join(__dirname, '..', '..');
const dest = path.join(root, 'dist', 'js');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

if (process.env.PACKAGE_BUILT !== '1') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
fs.mkdirSync(dest, { recursive: true });
const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dest]));
const cdktf = path.join(dest, info.filename);
console.error(`${info.filename}: ${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.entryCount} files`);
const cdktn = buildCdktnTarball(cdktf, dest);
console.log(path.relative(root, cdktf));
console.log(path.relative(root, cdktn));
