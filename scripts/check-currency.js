#!/usr/bin/env node
// `npm run check:currency`: how the ecosystem moved since the versions this package declares and
// tests. Asks the npm registry (the ordinary `npm view` and `npm install --package-lock-only`) for
// the newest cdktf, cdktn, constructs, @cdktf/provider-aws, @cdktn/provider-aws and node, and prints
// for each line of the package (cdktf-docker-fleet, cdktn-docker-fleet):
// - the newest version against the peer range (package.json; scripts/package/cdktn.js for the
//   cdktn line) and against the versions tested (the README's install commands, which the
//   consumer tests run, and the Node lines CI runs: scripts/node-version.sh);
// - what a user hits who installs the packages without versions: npm resolves the newest of
//   each, and any peer range among them that excludes another's newest is an ERESOLVE (checked
//   with a real `npm install --package-lock-only` of the framework packages in a scratch
//   directory, plus this package's own peer ranges).
// It informs and always exits 0 when the registry answered (exit 2 when it did not): an upstream
// release must never turn CI red, so CI does not run it.
const { execFileSync, spawnSync } = require('child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const semver = require('semver');
const { CDKTN_PEERS, CDKTN_ENGINES } = require('./package/cdktn');

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function npmView(spec, field) {
  const out = execFileSync('npm', ['view', spec, field, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  return out === '' ? undefined : JSON.parse(out);
}

/** `name@version` pairs of the `npm install` lines in a README section's sh blocks. */
function readmePins(title) {
  const start = readme.indexOf(`\n## ${title}\n`);
  const end = readme.indexOf('\n## ', start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  const words = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((l) => l.startsWith('npm install ')).flatMap((l) => l.split(/\s+/));
  return Object.fromEntries(words.map((w) => /^(@?[^@\s]+)@(\d[^\s]*)$/.exec(w)).filter(Boolean).map((m) => [m[1], m[2]]));
}

const LINES = [
  {
    name: 'cdktf-docker-fleet', framework: 'cdktf', provider: '@cdktf/provider-aws',
    peers: pkg.peerDependencies, engines: pkg.engines.node, tested: readmePins('Installation'),
    // the consumer test also installs the newest @cdktf/provider-aws 21.x (scripts/consumer/run.sh)
    alsoTested: { '@cdktf/provider-aws': '21' },
  },
  {
    name: 'cdktn-docker-fleet', framework: 'cdktn', provider: '@cdktn/provider-aws',
    peers: CDKTN_PEERS, engines: CDKTN_ENGINES.node, tested: readmePins('cdktf or CDK Terrain'), alsoTested: {},
  },
];
const PACKAGES = ['cdktf', 'cdktn', 'constructs', '@cdktf/provider-aws', '@cdktn/provider-aws'];

/** The newest version of each package, and the peer ranges that newest version declares. */
function registry() {
  const out = {};
  for (const p of PACKAGES) {
    const tags = npmView(p, 'dist-tags');
    const latest = tags.latest;
    out[p] = { latest, tags, peers: npmView(`${p}@${latest}`, 'peerDependencies') ?? {}, time: npmView(p, 'time')?.[latest]?.slice(0, 10) };
  }
  return out;
}

/** A real unpinned install of the framework packages: npm's own answer (ERESOLVE or fine). */
function npmResolves(packages) {
  const dir = mkdtempSync(join(tmpdir(), 'currency-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"currency-probe","version":"0.0.0","private":true}\n');
    const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', ...packages], { cwd: dir, encoding: 'utf8' });
    if (r.status === 0) return { ok: true };
    const text = `${r.stdout}\n${r.stderr}`;
    const code = /npm error code (\S+)/.exec(text)?.[1] ?? `exit ${r.status}`;
    const conflict = text.split('\n').filter((l) => /^npm error (Could not resolve dependency|peer |Conflicting peer dependency|Found: |While resolving)/.test(l))
      .map((l) => l.replace(/^npm error /, '').trim()).slice(0, 6);
    return { ok: false, code, conflict };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function nodeReport(lines) {
  const versions = npmView('node', 'versions');
  const newestOf = (major) => versions.filter((v) => semver.major(v) === major).sort(semver.rcompare)[0];
  const pinned = [22, 24].map((m) => execFileSync('bash', [join(root, 'scripts', 'node-version.sh'), '--version', String(m)], { encoding: 'utf8' }).trim());
  const findings = [];
  console.log('\nnode (npm package `node`; CI: scripts/node-version.sh)');
  for (const v of pinned) {
    const newest = newestOf(semver.major(v));
    const state = newest === v ? 'newest of its line' : `newer: ${newest}`;
    console.log(`  ${semver.major(v)}.x  CI runs ${v}  (${state})`);
    if (newest !== v) findings.push(`node ${newest} is out, CI pins ${v}: bump it in scripts/node-version.sh`);
  }
  const topTested = Math.max(...pinned.map((v) => semver.major(v)));
  const newer = [...new Set(versions.map((v) => semver.major(v)))].filter((m) => m > topTested && m % 2 === 0).sort((a, b) => a - b);
  for (const m of newer) {
    console.log(`  ${m}.x  newest ${newestOf(m)}  (not tested: an even, LTS line)`);
    findings.push(`Node ${m} (${newestOf(m)}) is not tested: add it to scripts/node-version.sh and the consumer test`);
  }
  for (const l of lines) {
    const ok = pinned.every((v) => semver.satisfies(v, l.engines));
    if (!ok) findings.push(`${l.name}'s engines (${l.engines}) exclude a Node line CI tests`);
  }
  return findings;
}

function main() {
  let reg;
  try {
    reg = registry();
  } catch (e) {
    console.error(`check:currency: the npm registry did not answer: ${e.message.split('\n')[0]}`);
    process.exit(2);
  }
  console.log(`Currency report, ${new Date().toISOString().slice(0, 10)} (npm registry)`);
  console.log('\nnewest on npm');
  for (const p of PACKAGES) {
    const peers = Object.entries(reg[p].peers).map(([k, v]) => `${k} ${v}`).join(', ');
    const tags = Object.entries(reg[p].tags).filter(([t]) => t !== 'latest').map(([t, v]) => `${t} ${v}`).join(', ');
    console.log(`  ${p.padEnd(20)} ${reg[p].latest.padEnd(8)} ${reg[p].time ?? ''}${peers ? `  (peers: ${peers})` : ''}${tags ? `  [${tags}]` : ''}`);
  }
  const findings = [];
  for (const l of LINES) {
    console.log(`\n${l.name}`);
    for (const p of [l.framework, 'constructs', l.provider]) {
      const latest = reg[p].latest;
      const range = l.peers[p];
      const tested = l.tested[p];
      const also = l.alsoTested[p] ? `, newest ${l.alsoTested[p]}.x` : '';
      const inRange = semver.satisfies(latest, range);
      console.log(`  ${p.padEnd(20)} newest ${latest.padEnd(8)} peer ${range.padEnd(16)} ${inRange ? 'in range' : 'OUTSIDE the peer range'}; tested ${tested}${also}`);
      if (!inRange) {
        // Upstream packages that exclude it too: widening this package's range alone would not help.
        const upstream = [l.framework, l.provider].filter((u) => u !== p && reg[u].peers[p] && !semver.satisfies(latest, reg[u].peers[p]))
          .map((u) => `${u} ${reg[u].latest} peers ${p} ${reg[u].peers[p]}`);
        findings.push(`${p} ${latest} is outside ${l.name}'s peer range ${range}, so npm refuses it next to ${l.name} (ERESOLVE)`
          + (upstream.length ? `; upstream excludes it as well (${upstream.join('; ')}), so the range follows them` : ': widen the range once tested'));
      }
      else if (tested && latest !== tested && !(l.alsoTested[p] && semver.major(latest) === Number(l.alsoTested[p]))) {
        findings.push(`${p} ${latest} is in ${l.name}'s peer range but untested (the README pins ${tested})`);
      }
    }
    // What `npm install <line> <framework> <provider> constructs` (no versions) resolves to.
    const unpinned = [l.framework, l.provider, 'constructs'];
    const clashes = [];
    for (const a of unpinned) {
      for (const [peer, range] of Object.entries(reg[a].peers)) {
        if (reg[peer] && !semver.satisfies(reg[peer].latest, range)) clashes.push(`${a}@${reg[a].latest} wants ${peer} ${range}, newest is ${reg[peer].latest}`);
      }
    }
    const npmSays = npmResolves(unpinned.map((p) => `${p}@${reg[p].latest}`));
    const cmd = `npm install ${l.name} ${unpinned.join(' ')}`;
    if (npmSays.ok && clashes.length === 0) {
      console.log(`  \`${cmd}\` without versions resolves (npm agrees)`);
    } else {
      console.log(`  \`${cmd}\` without versions: ${npmSays.ok ? 'npm resolves the frameworks, but' : `npm fails with ${npmSays.code}`}`);
      for (const c of clashes) console.log(`    - ${c}`);
      for (const c of npmSays.conflict ?? []) console.log(`    npm: ${c}`);
      const pins = unpinned.filter((p) => l.tested[p]).map((p) => `${p}@${l.tested[p]}`);
      const pinned = npmResolves(pins);
      findings.push(`\`${cmd}\` without versions fails (${npmSays.ok ? 'peer ranges' : npmSays.code}: ${clashes.join('; ')}); `
        + `the README's pins ${pins.join(' ')} ${pinned.ok ? 'resolve (npm agrees)' : `fail too (${pinned.code})`}`);
    }
  }
  findings.push(...nodeReport(LINES));
  console.log('\nfindings');
  for (const f of findings.length ? findings : ['none: the newest versions are in the peer ranges and tested']) console.log(`  - ${f}`);
}

main();
