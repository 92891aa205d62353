#!/usr/bin/env node
/*
 * Regenerates the typed CDKTF bindings for the dmacvicar/libvirt 0.8.3 provider,
 * fully offline and deterministically.
 *
 *   node scripts/gen-libvirt.js            (npm run gen:libvirt)
 *
 * Input:  lib/platforms/libvirt/schema/libvirt-0.8.3-schema.json
 *         (a `terraform providers schema -json` document, pinned in the repo)
 * Output: lib/platforms/libvirt/gen/
 *           versions.json, constraints.json      (the `.gen` metadata of `cdktf get`)
 *           providers/libvirt/<resource>/index.ts (+ README.md), index.ts, lazy-index.ts
 *
 * How: "recipe A" of the libvirt reference notes. A scratch cdktf project is created
 * under os.tmpdir() with `"terraformProviders": ["dmacvicar/libvirt@0.8.3"]`, the schema
 * is placed in a provider-schema cache as `libvirt@0.8.3.json` (with the
 * `provider_versions` entry `cdktf get` needs), and the stock `cdktf get` of the installed
 * cdktf-cli runs with `--experimental-provider-schema-cache-path`. On a cache hit cdktf
 * never runs terraform; TERRAFORM_BINARY_NAME points at a non-existent binary so a
 * cache miss fails loudly instead of silently trying `terraform init` against the
 * registry. CHECKPOINT_DISABLE=1 turns off telemetry; CDKTF_HOME is the scratch dir so
 * nothing is written to ~/.cdktf.
 *
 * Post-processing (one step, a no-op for the emitted JavaScript): the code generator does
 * not write `override` modifiers, but tsconfig.dev.json has `noImplicitOverride: true` and
 * includes lib/**, so the stock output fails `tsc -p tsconfig.dev.json` with TS4114/TS4115
 * ("This member must have an 'override' modifier") on every `synthesizeAttributes`,
 * `synthesizeHclAttributes`, the provider's `alias` accessors and the ComplexList
 * constructor parameter properties. `addOverrideModifiers()` asks the TypeScript compiler
 * (the repo's own `typescript`) for exactly those diagnostics and inserts `override ` after
 * the member's accessibility modifier. Then the whole output is type-checked (strict,
 * noImplicitOverride) and the script fails on any error. jsii 5.8 accepts the result.
 * Everything else is `cdktf get` output copied verbatim (the code generator is
 * deterministic: no timestamps or absolute paths end up in the files).
 *
 * Only lib/platforms/libvirt/gen is written (it is deleted and recreated); the scratch
 * project is removed afterwards.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const PROVIDER_SOURCE = 'dmacvicar/libvirt';
const PROVIDER_NAME = 'libvirt';
const PROVIDER_VERSION = '0.8.3';

const repoRoot = path.resolve(__dirname, '..');
const schemaFile = path.join(repoRoot, 'lib', 'platforms', 'libvirt', 'schema', `libvirt-${PROVIDER_VERSION}-schema.json`);
const outDir = path.join(repoRoot, 'lib', 'platforms', 'libvirt', 'gen');

function fail(msg) {
  process.stderr.write(`gen-libvirt: ${msg}\n`);
  process.exit(1);
}

function cdktfCliEntry() {
  let pkgJson;
  try {
    pkgJson = require.resolve('cdktf-cli/package.json', { paths: [repoRoot] });
  } catch (e) {
    fail('cdktf-cli is not installed (it is a devDependency; run npm install first)');
  }
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.cdktf;
  return path.join(path.dirname(pkgJson), bin);
}

function copyTree(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  // sorted for a deterministic walk (the result does not depend on it, the log does)
  for (const name of fs.readdirSync(src).sort()) {
    const s = path.join(src, name);
    const d = path.join(dst, name);
    const st = fs.statSync(s);
    if (st.isDirectory()) copyTree(s, d);
    else fs.copyFileSync(s, d);
  }
}

function countFiles(dir) {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) {
      const c = countFiles(p);
      files += c.files; lines += c.lines; bytes += c.bytes;
    } else {
      const text = fs.readFileSync(p, 'utf8');
      files += 1;
      lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      bytes += Buffer.byteLength(text);
    }
  }
  return { files, lines, bytes };
}

// ---------------------------------------------------------------------------------------
// Post-processing: `override` modifiers (see the header).

const OVERRIDE_DIAGNOSTICS = new Set([4113, 4114, 4115, 4116]);

function listTs(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function loadTypescript() {
  try {
    return require(require.resolve('typescript', { paths: [repoRoot] }));
  } catch (e) {
    return fail('typescript is not installed (it is a devDependency; run npm install first)');
  }
}

function typeCheck(ts, files) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noImplicitOverride: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => ({ d, program }));
}

function formatDiagnostic(ts, d) {
  const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file) return `TS${d.code}: ${msg}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${d.file.fileName}:${line + 1}:${character + 1}: TS${d.code}: ${msg}`;
}

/** Inserts `override ` where tsc (noImplicitOverride) demands it; returns the number of edits. */
function addOverrideModifiers(ts, files) {
  const edits = new Map(); // fileName -> Set of insert positions
  for (const { d } of typeCheck(ts, files)) {
    if (!OVERRIDE_DIAGNOSTICS.has(d.code) || !d.file) continue;
    // the innermost class member or constructor parameter the diagnostic points into
    let target;
    const visit = (node) => {
      if (d.start < node.getStart(d.file) || d.start >= node.getEnd()) return;
      if (ts.isClassElement(node) || ts.isParameter(node)) target = node;
      ts.forEachChild(node, visit);
    };
    visit(d.file);
    if (!target) fail(`cannot place an override modifier for ${formatDiagnostic(ts, d)}`);
    const mods = (ts.getModifiers ? ts.getModifiers(target) : target.modifiers) || [];
    // order: accessibility / static, then `override`, then readonly / accessor keywords
    const before = mods.filter((m) => [ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.ProtectedKeyword,
      ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.StaticKeyword].includes(m.kind));
    const pos = before.length ? before[before.length - 1].getEnd() : target.getStart(d.file);
    if (!edits.has(d.file.fileName)) edits.set(d.file.fileName, new Set());
    edits.get(d.file.fileName).add(pos);
  }
  let count = 0;
  for (const [file, positions] of edits) {
    let text = fs.readFileSync(file, 'utf8');
    for (const pos of [...positions].sort((a, b) => b - a)) {
      const insert = text[pos] === ' ' ? ' override' : 'override ';
      text = text.slice(0, pos) + insert + text.slice(pos);
      count += 1;
    }
    fs.writeFileSync(file, text);
  }
  return count;
}

function postProcess(genDir) {
  const ts = loadTypescript();
  const files = listTs(genDir);
  const edits = addOverrideModifiers(ts, files);
  const errors = typeCheck(ts, files);
  if (errors.length) {
    for (const { d } of errors) process.stderr.write(formatDiagnostic(ts, d) + '\n');
    fail(`the generated bindings do not type-check (${errors.length} errors)`);
  }
  return edits;
}

// ---------------------------------------------------------------------------------------

function main() {
  if (!fs.existsSync(schemaFile)) fail(`schema not found: ${schemaFile}`);
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const fqn = `registry.terraform.io/${PROVIDER_SOURCE}`;
  if (!schema.provider_schemas || !schema.provider_schemas[fqn]) {
    fail(`${schemaFile} has no provider_schemas["${fqn}"]`);
  }
  // `cdktf get` takes the provider version from this field of the schema document.
  schema.provider_versions = { [fqn]: PROVIDER_VERSION };

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-libvirt-'));
  try {
    const cacheDir = path.join(scratch, 'schema-cache');
    const homeDir = path.join(scratch, 'cdktf-home');
    fs.mkdirSync(cacheDir);
    fs.mkdirSync(homeDir);
    // Cache key: "<provider name>@<url-encoded version as written in cdktf.json>.json".
    // Pin the exact version so the key stays "libvirt@0.8.3.json".
    const cacheKey = `${encodeURIComponent(PROVIDER_NAME)}@${encodeURIComponent(PROVIDER_VERSION)}.json`;
    fs.writeFileSync(path.join(cacheDir, cacheKey), JSON.stringify(schema));
    fs.writeFileSync(path.join(scratch, 'cdktf.json'), JSON.stringify({
      language: 'typescript',
      app: 'true',
      terraformProviders: [`${PROVIDER_SOURCE}@${PROVIDER_VERSION}`],
      terraformModules: [],
      codeMakerOutput: '.gen',
      context: {},
    }, null, 2) + '\n');

    const env = {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      CDKTF_HOME: homeDir,
      CDKTF_EXPERIMENTAL_PROVIDER_SCHEMA_CACHE_PATH: cacheDir,
      TERRAFORM_BINARY_NAME: path.join(scratch, 'no-terraform-here'),
      CI: '1', // no spinner / interactive output
      FORCE_COLOR: '0',
    };
    const args = [cdktfCliEntry(), 'get', '--language', 'typescript', '--experimental-provider-schema-cache-path', cacheDir];
    const res = spawnSync(process.execPath, args, { cwd: scratch, env, encoding: 'utf8' });
    const genDir = path.join(scratch, '.gen');
    const providerDir = path.join(genDir, 'providers', PROVIDER_NAME);
    if (res.status !== 0 || !fs.existsSync(path.join(providerDir, 'provider', 'index.ts'))) {
      process.stderr.write(res.stdout || '');
      process.stderr.write(res.stderr || '');
      fail(`cdktf get failed (exit ${res.status}${res.error ? `, ${res.error.message}` : ''})`);
    }

    // Post-process and type-check in the scratch project; `cdktf`, `constructs` and
    // @types/node resolve through a node_modules link to the repo's (made after `cdktf get`).
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
    const overrides = postProcess(genDir);

    fs.rmSync(outDir, { recursive: true, force: true });
    copyTree(genDir, outDir);
    const c = countFiles(outDir);
    const ts = countFiles(path.join(outDir, 'providers'));
    process.stdout.write(
      `gen-libvirt: wrote ${path.relative(repoRoot, outDir)} ` +
      `(${c.files} files, ${c.lines} lines, ${c.bytes} bytes; providers/: ${ts.files} files; ` +
      `${overrides} override modifiers added; type-check OK)\n`,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
