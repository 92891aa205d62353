// The CDK Terrain line: turns the packed cdktf package into `cdktn-docker-fleet`, mechanically.
//   node scripts/package/cdktn.js <cdktf-docker-fleet-<v>.tgz> <destination dir>
// prints the path of the written cdktn-docker-fleet-<v>.tgz. No source file is copied into the
// repository: the compiled JS and .d.ts files of the cdktf tarball are rewritten in a temporary
// directory and packed again.
//
// Rewrite rules (exported for test/package/cdktn.test.ts):
// - module specifiers in require(), import/export ... from, import() and `reference types`:
//   `cdktf` and `cdktf/<path>` -> `cdktn`, `cdktn/<path>`; `@cdktf/provider-<x>[/<path>]` ->
//   `@cdktn/provider-<x>[/<path>]`. Any other `cdktf-*` or `@cdktf/*` specifier is an error (a new
//   framework dependency needs a rule here, not a silent cdktf import: cdktn keeps cdktf's
//   Symbol.for markers, and a cdktf construct inside a cdktn app crashes synth with
//   `e._resetResolveDiscoveredProviderFeatureUsage is not a function`).
// - jsii's runtime type info `{ fqn: "cdktf-docker-fleet.X", ... }` names the cdktn package.
// - nothing else: strings such as "Managed by cdktf-docker-fleet" end up in user data, and the
//   synthesized Terraform must stay identical to the cdktf line's.
// The .jsii assembly is left out (see JSII_NOTE); package.json and the README header are replaced.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CDKTF_NAME = 'cdktf-docker-fleet';
const CDKTN_NAME = 'cdktn-docker-fleet';

// Peer ranges of the cdktn line. cdktn 0.24 declares constructs >=10.6.0 <10.8.0; of
// @cdktn/provider-aws (23.7.0, 24.1.0, 25.5.0, 25.7.0 published) only 25.x peers cdktn ^0.24
// (23.x: cdktn ^0.22, 24.x: ^0.23). 25.x wraps hashicorp/aws 6.x and has every resource the
// library uses (checked by the cdktn consumer test: tsc, synth, JSON equal to the cdktf line's).
const CDKTN_PEERS = {
  '@cdktn/provider-aws': '^25.5.0',
  cdktn: '^0.24.0',
  constructs: '>=10.6.0 <10.8.0',
};
// cdktn-cli 0.24 needs >=22.19.0, @cdktn/provider-aws 25 needs >=22.11.0 (cdktn itself names none).
const CDKTN_ENGINES = { node: '>= 22.11.0' };

const JSII_NOTE = 'The cdktn package ships no .jsii assembly: the assembly names cdktf types ' +
  '(cdktf.TerraformStack, @cdktf/provider-aws.*) in its type system and hash, and the package ' +
  'has no jsii language targets, so TypeScript/JavaScript users (the only ones) need the JS and ' +
  '.d.ts files alone.';

/** The cdktn counterpart of a module specifier, or the specifier itself when it is not cdktf's. */
function mapSpecifier(spec) {
  let m;
  if ((m = /^cdktf(\/.*)?$/.exec(spec))) return `cdktn${m[1] ?? ''}`;
  if ((m = /^@cdktf\/(provider-[a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(spec))) return `@cdktn/${m[1]}${m[2] ?? ''}`;
  if (spec === CDKTF_NAME || spec.startsWith(`${CDKTF_NAME}/`)) return CDKTN_NAME + spec.slice(CDKTF_NAME.length);
  if (/^(cdktf-|@cdktf\/)/.test(spec)) throw new Error(`no cdktn rule for the module "${spec}"`);
  return spec;
}

// require("x"), from "x", import("x"), import "x", /// <reference types="x" />
const SPECIFIER = /(\brequire\(\s*|\bfrom\s+|\bimport\(\s*|\bimport\s+|<reference\s+types=)(["'])([^"'\n]+)\2/g;
const RTTI_FQN = new RegExp(`(\\bfqn:\\s*")${CDKTF_NAME.replace(/-/g, '\\-')}\\.`, 'g');

/** Rewrites one compiled .js or .d.ts file. */
function rewriteModuleCode(text) {
  return text
    .replace(SPECIFIER, (all, before, q, spec) => `${before}${q}${mapSpecifier(spec)}${q}`)
    .replace(RTTI_FQN, `$1${CDKTN_NAME}.`);
}

/** Module specifiers of a file that still name cdktf (empty after a correct rewrite). */
function cdktfSpecifiers(text) {
  return [...text.matchAll(SPECIFIER)].map((m) => m[3]).filter((s) => /^(cdktf|@cdktf\/)/.test(s) && !s.startsWith(CDKTF_NAME));
}

/** The cdktn package.json from the cdktf one. */
function cdktnPackageJson(pkg) {
  const out = { ...pkg, name: CDKTN_NAME };
  out.description = pkg.description.replace(/^CDKTF constructs\b/, 'CDK Terrain (cdktn) constructs');
  out.keywords = [...new Set(['cdktn', 'cdk-terrain', ...(pkg.keywords ?? []).filter((k) => k !== 'cdktf')])];
  out.files = (pkg.files ?? []).filter((f) => f !== '.jsii');
  out.engines = { ...pkg.engines, ...CDKTN_ENGINES };
  // framework peers are renamed and get cdktn's ranges; any other peer keeps its own
  out.peerDependencies = {};
  for (const [p, range] of Object.entries(pkg.peerDependencies ?? {})) {
    const q = mapSpecifier(p);
    out.peerDependencies[q] = CDKTN_PEERS[q] ?? range;
  }
  // build settings of the cdktf source tree, not of this package (npm pack must run no scripts)
  for (const k of ['jsii', 'scripts', 'devDependencies']) delete out[k];
  if (pkg.bin) out.bin = Object.fromEntries(Object.entries(pkg.bin).map(([k, v]) => [k.replace(/^cdktf-/, 'cdktn-'), v]));
  return out;
}

// The section of the README that compares the two lines (it names both), and the ones about this
// repository (a cdktf app): kept as written.
const BOTH_LINES_SECTION = 'cdktf or CDK Terrain';
const KEPT_SECTIONS = [BOTH_LINES_SECTION, 'Quick start', 'Developing'];

/**
 * The code a user copies from the docs, for a cdktn app: module specifiers as in compiled code,
 * the package's command and name, `npx cdktf <command>` -> `npx cdktn <command>`. `cdktf.out` and
 * `cdktf.json` keep their names (cdktn-cli 0.24 reads and writes them).
 */
function rewriteDocCode(code) {
  return rewriteModuleCode(code)
    .replace(new RegExp(`\\b${CDKTF_NAME}\\b`, 'g'), CDKTN_NAME)
    .replace(/\bnpx cdktf (synth|diff|deploy|destroy|get|init|output)\b/g, 'npx cdktn $1')
    .replace(/\bcdktf-cli@/g, 'cdktn-cli@');
}

/**
 * README.md or API.md of the cdktn package: every fenced code block outside the section that
 * compares the two lines rewritten by rewriteDocCode; `npm install` lines naming the cdktf
 * framework replaced by the cdktn install lines of that section (`installLines`), in order.
 * Prose is left as written (it states facts about the cdktf line, e.g. its versions); the header
 * says so.
 */
function rewriteDocs(text) {
  // sections: the text before the first `## ` heading, then one per heading
  const sections = text.split(/(?=^## )/m);
  const title = (part) => /^## (.*)\n/.exec(part)?.[1];
  const both = sections.find((part) => title(part) === BOTH_LINES_SECTION) ?? '';
  const installLines = [...both.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'))
    .filter((l) => /^npm install .*\bcdktn/.test(l));
  const rewrite = (part) => part.replace(/(```[a-z]*\n)([\s\S]*?)(```)/g, (all, open, code, close) => {
    let n = 0;
    const lines = code.split('\n').map((l) => (/^npm install .*\bcdktf(@|-cli@)/.test(l) && installLines[n] ? installLines[n++] : l));
    return `${open}${rewriteDocCode(lines.join('\n'))}${close}`;
  });
  return sections.map((part) => (KEPT_SECTIONS.includes(title(part)) ? part : rewrite(part))).join('');
}

/** The header put above the cdktf README in the cdktn package. */
function readmeHeader(version) {
  return [
    `# ${CDKTN_NAME}`,
    '',
    `> **This is the CDK Terrain (cdktn) build of \`${CDKTF_NAME}\` ${version}**, made from the same source.`,
    '> Install `cdktn-docker-fleet` in cdktn apps (`cdktn` ^0.24, `@cdktn/provider-aws` 25.x, Node.js',
    '> 22.11 or newer) and `cdktf-docker-fleet` in cdktf apps (`cdktf` ^0.21). Both synthesize identical',
    '> Terraform (same resources, addresses and state), so a stack can move from one to the other.',
    '> The README below is the cdktf one with its code examples rewritten for cdktn (imports from `cdktn`',
    '> and `@cdktn/provider-aws`, `npx cdktn-docker-fleet`, `npx cdktn synth`, the cdktn install lines);',
    '> where its text names cdktf packages and versions, read `cdktn`, `@cdktn/provider-aws` and the',
    '> versions of its section "cdktf or CDK Terrain". API.md\'s examples are rewritten the same way; its',
    '> type names are cdktf\'s, and the cdktn ones have the same names. ' + JSII_NOTE,
    '',
    '---',
    '',
    '',
  ].join('\n');
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1)).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Rewrites an unpacked cdktf package directory in place into the cdktn package. */
function transformPackageDir(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== CDKTF_NAME) throw new Error(`expected the ${CDKTF_NAME} package, got ${pkg.name}`);
  let rewritten = 0;
  // every compiled file of the package (lib/, bin/ ...), not the bundled dependencies
  for (const f of walk(dir)) {
    if (!/\.(js|d\.ts)$/.test(f) || path.relative(dir, f).split(path.sep)[0] === 'node_modules') continue;
    const before = fs.readFileSync(f, 'utf8');
    const after = rewriteModuleCode(before);
    const left = cdktfSpecifiers(after);
    if (left.length) throw new Error(`${path.relative(dir, f)} still imports ${left.join(', ')}`);
    if (after !== before) { fs.writeFileSync(f, after); rewritten++; }
  }
  fs.rmSync(path.join(dir, '.jsii'), { force: true });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(cdktnPackageJson(pkg), null, 2)}\n`);
  const readme = path.join(dir, 'README.md');
  fs.writeFileSync(readme, readmeHeader(pkg.version) + rewriteDocs(fs.readFileSync(readme, 'utf8')));
  const api = path.join(dir, 'API.md');
  // API.md names the package in every type's anchor and link, and in its command: all of them cdktn's
  if (fs.existsSync(api)) fs.writeFileSync(api, rewriteDocs(fs.readFileSync(api, 'utf8')).replace(new RegExp(`\\b${CDKTF_NAME}\\b`, 'g'), CDKTN_NAME));
  return { version: pkg.version, rewritten };
}

/** cdktf tarball -> cdktn tarball in destDir; returns its path. */
function buildCdktnTarball(cdktfTarball, destDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-package-'));
  try {
    execFileSync('tar', ['-xzf', path.resolve(cdktfTarball), '-C', tmp]);
    const dir = path.join(tmp, 'package');
    const { version, rewritten } = transformPackageDir(dir);
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', path.resolve(destDir), dir],
      { encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
    const [info] = JSON.parse(out);
    if (info.name !== CDKTN_NAME || info.version !== version) throw new Error(`npm packed ${info.name}@${info.version}`);
    for (const dep of info.bundled ?? []) {
      if (!info.files.some((f) => f.path === `node_modules/${dep}/package.json`)) throw new Error(`bundled ${dep} is missing`);
    }
    if (info.files.some((f) => f.path === '.jsii')) throw new Error('the cdktn tarball ships .jsii');
    console.error(`${info.filename}: ${rewritten} files rewritten, ${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.entryCount} files`);
    return path.join(path.resolve(destDir), info.filename);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = {
  CDKTF_NAME, CDKTN_NAME, CDKTN_PEERS, CDKTN_ENGINES,
  mapSpecifier, rewriteModuleCode, rewriteDocs, cdktfSpecifiers, cdktnPackageJson, readmeHeader, transformPackageDir, buildCdktnTarball,
};

if (require.main === module) {
  const [tarball, dest] = process.argv.slice(2);
  if (!tarball || !dest) { console.error('usage: node scripts/package/cdktn.js <cdktf tarball> <destination dir>'); process.exit(2); }
  console.log(buildCdktnTarball(tarball, dest));
}
