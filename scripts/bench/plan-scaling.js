// `terraform plan -refresh=false` of a libvirt fleet of 1 to 1000 hosts, on stand-ins: every
// libvirt resource becomes a `terraform_data` with the same inputs and for_each
// (test/cli/terraform-standin.ts), so Terraform evaluates exactly the expressions the fleet wrote,
// without the provider. Per provider line and host count: CPU seconds, wall seconds, peak MiB of
// `terraform plan` from empty state, over `runs` runs (the same configuration each time).
//
//   node scripts/bench/plan-scaling.js [HOSTS ...]   (env: PLAN_LINES=0.8.3,0.9.7 PLAN_RUNS=3,
//     PLAN_LIB=<dir>: the compiled lib/ of another checkout, to measure it instead)
//
// Run alone it prints a table; bench.js calls it with BENCH_PLAN=1. Needs terraform 1.11 on PATH
// and GNU time (Debian's `time`).
const { execFileSync } = require('child_process');
const { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { commandRun, nodeRun } = require('./process-cost');
const { summary } = require('./stats');

const root = join(__dirname, '..', '..');

function findStack(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const found = findStack(p);
      if (found) return found;
    } else if (e.name === 'cdk.tf.json') return p;
  }
  return undefined;
}

/** The stand-in directory of a fleet of `hosts` hosts on provider line `line`, initialized. */
function standInDir(work, line, hosts, lib) {
  const out = join(work, `synth-${line}-${hosts}`);
  nodeRun([join(__dirname, 'fleet-app.js')], {
    cwd: root, scratch: work, env: { CDKTF_OUTDIR: out, BENCH_KIND: 'libvirt', BENCH_HOSTS: String(hosts), BENCH_LIBVIRT: line,
      ...(lib ? { BENCH_LIB: lib } : {}) },
  });
  require('./ts-require');
  const { standInConfig } = require(join(root, 'test', 'cli', 'terraform-standin.ts'));
  const doc = JSON.parse(readFileSync(findStack(out), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  const dir = join(work, `plan-${line}-${hosts}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(standInConfig(doc)));
  writeFileSync(join(dir, 'terraformrc'), '');
  execFileSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dir, env: tfEnv(dir), stdio: 'ignore' });
  return dir;
}

function tfEnv(dir) {
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'terraformrc') };
  for (const k of Object.keys(env)) if (k.startsWith('TF_VAR_') || k.startsWith('TF_CLI_ARGS') || k === 'TF_DATA_DIR') delete env[k];
  return env;
}

/**
 * Measures the plan of each line × host count, `runs` times each after no warm-up (a plan of
 * 1000 hosts is minutes). Runs go round the host counts, so machine load spreads over all of them.
 */
function planScaling({ lines = ['0.8.3', '0.9.7'], hosts = [1, 100, 300, 1000], runs = 3, lib, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'fleet-plan.'));
  try {
    const cases = lines.flatMap((line) => hosts.map((n) => ({ line, hosts: n, dir: standInDir(work, line, n, lib), samples: [] })));
    const version = execFileSync('terraform', ['version', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (let i = 0; i < runs; i++) {
      for (const c of cases) {
        const s = commandRun('terraform', ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color'], {
          cwd: c.dir, env: tfEnv(c.dir), scratch: work,
        });
        c.samples.push(s);
        log(`  plan ${c.line} ${c.hosts} hosts, run ${i + 1}: ${s.cpu.toFixed(2)} s CPU, ${s.mb.toFixed(0)} MiB\n`);
      }
    }
    return {
      terraform: JSON.parse(version).terraform_version,
      cases: cases.map((c) => ({
        line: c.line, hosts: c.hosts, runs, cpu: summary(c.samples.map((s) => s.cpu)), wall: summary(c.samples.map((s) => s.wall)),
        mb: summary(c.samples.map((s) => s.mb)),
      })),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { planScaling };

if (require.main === module) {
  const hosts = process.argv.slice(2).map(Number);
  const r = planScaling({
    lines: (process.env.PLAN_LINES ?? '0.8.3,0.9.7').split(','), hosts: hosts.length ? hosts : undefined,
    runs: Number(process.env.PLAN_RUNS ?? 3), lib: process.env.PLAN_LIB, log: (s) => process.stderr.write(s),
  });
  const f = (x, d = 1) => `${x.median.toFixed(d)} (${x.min.toFixed(d)}–${x.max.toFixed(d)})`;
  process.stdout.write(`terraform ${r.terraform}\n| line | hosts | CPU s | wall s | peak MiB |\n|---|---|---|---|---|\n`);
  for (const c of r.cases) process.stdout.write(`| ${c.line} | ${c.hosts} | ${f(c.cpu, 2)} | ${f(c.wall, 2)} | ${f(c.mb, 0)} |\n`);
}
