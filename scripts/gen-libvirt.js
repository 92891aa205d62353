#!/usr/bin/env node
/*
 * Regenerates the typed CDKTF bindings for both dmacvicar/libvirt lines the library speaks,
 * fully offline and deterministically.
 *
 *   node scripts/gen-libvirt.js            (npm run gen:libvirt)
 *
 * Lines (LINES below):
 * - 0.8.3, the legacy (SDKv2) line: input lib/platforms/libvirt/schema/libvirt-0.8.3-schema.json,
 *   output lib/platforms/libvirt/gen/ (every resource and data source of the schema).
 * - 0.9.7, the Plugin Framework line: input lib/platforms/libvirt/schema/libvirt-0.9.7-schema.json
 *   (`terraform providers schema -json` of the provider built from the v0.9.7 tag), output
 *   lib/platforms/libvirt/v09/gen/. That schema mirrors libvirt's XML (1.2 MB; all of it
 *   generates about 8 MB of TypeScript), so only the attributes listed in
 *   lib/platforms/libvirt/schema/libvirt-0.9.7-bindings.json are bound (`filterSchema`): a
 *   listed path keeps its ancestors, and a kept object keeps its required attributes. A path
 *   the schema does not have fails the run.
 *
 * Output per line: versions.json, constraints.json (the `.gen` metadata of `cdktf get`),
 * providers/libvirt/<resource>/index.ts (+ README.md), index.ts, lazy-index.ts.
 *
 * How: "recipe A" of the libvirt reference notes. A scratch cdktf project is created
 * under os.tmpdir() with `"terraformProviders": ["dmacvicar/libvirt@<version>"]`, the schema
 * is placed in a provider-schema cache as `libvirt@<version>.json` (with the
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
 * Only each line's output directory is written (it is deleted and recreated); the scratch
 * projects are removed afterwards.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const PROVIDER_SOURCE = 'dmacvicar/libvirt';
const PROVIDER_NAME = 'libvirt';

const repoRoot = path.resolve(__dirname, '..');
const libvirtDir = path.join(repoRoot, 'lib', 'platforms', 'libvirt');

/** The provider lines, each with its pinned schema, the part of it bound (all when no list) and its output. */
const LINES = [
  { version: '0.8.3', schema: 'schema/libvirt-0.8.3-schema.json', bindings: undefined, out: 'gen' },
  { version: '0.9.7', schema: 'schema/libvirt-0.9.7-schema.json', bindings: 'schema/libvirt-0.9.7-bindings.json', out: 'v09/gen' },
];

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
// The bound part of a schema (see the header).

/** `attributes` with only the listed paths (and the required attributes of kept objects). */
function keepAttributes(attributes, paths, where) {
  const byName = new Map();
  for (const p of paths) {
    const [head, ...rest] = p.split('.');
    if (!attributes[head]) fail(`${where}.${head}: not in the schema (listed as "${p}")`);
    if (!byName.has(head)) byName.set(head, []);
    if (rest.length) byName.get(head).push(rest.join('.'));
  }
  // a kept object keeps its required attributes (else the binding would let them be left out)
  const withRequired = (attrs, prefix) => Object.entries(attrs).filter(([, a]) => a.required).map(([k]) => prefix + k);
  const out = {};
  for (const name of Object.keys(attributes)) {
    if (!byName.has(name)) continue;
    const a = attributes[name];
    const sub = byName.get(name);
    if (!a.nested_type) {
      if (sub.length) fail(`${where}.${name}: not an object, cannot keep ${sub.join(', ')}`);
      out[name] = a;
      continue;
    }
    const nested = a.nested_type.attributes || {};
    const keep = [...new Set([...sub, ...withRequired(nested, '')])];
    out[name] = { ...a, nested_type: { ...a.nested_type, attributes: keepAttributes(nested, keep, `${where}.${name}`) } };
  }
  return out;
}

function filterSchema(providerSchema, bindings) {
  const filterBlocks = (schemas, wanted, kind) => {
    const out = {};
    for (const name of Object.keys(wanted).sort()) {
      if (!schemas[name]) fail(`${kind} ${name}: not in the schema`);
      const s = schemas[name];
      out[name] = { ...s, block: { ...s.block, attributes: keepAttributes(s.block.attributes, wanted[name], name) } };
    }
    return out;
  };
  return {
    provider: { ...providerSchema.provider, block: { ...providerSchema.provider.block, attributes: keepAttributes(providerSchema.provider.block.attributes, bindings.provider, 'provider') } },
    resource_schemas: filterBlocks(providerSchema.resource_schemas, bindings.resources, 'resource'),
    data_source_schemas: filterBlocks(providerSchema.data_source_schemas, bindings.data_sources, 'data source'),
  };
}

// ---------------------------------------------------------------------------------------

function generateLine(line) {
  const PROVIDER_VERSION = line.version;
  const schemaFile = path.join(libvirtDir, line.schema);
  const outDir = path.join(libvirtDir, line.out);
  if (!fs.existsSync(schemaFile)) fail(`schema not found: ${schemaFile}`);
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const fqn = `registry.terraform.io/${PROVIDER_SOURCE}`;
  if (!schema.provider_schemas || !schema.provider_schemas[fqn]) {
    fail(`${schemaFile} has no provider_schemas["${fqn}"]`);
  }
  if (line.bindings) {
    const bindings = JSON.parse(fs.readFileSync(path.join(libvirtDir, line.bindings), 'utf8'));
    schema.provider_schemas[fqn] = filterSchema(schema.provider_schemas[fqn], bindings);
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

for (const line of LINES) generateLine(line);
