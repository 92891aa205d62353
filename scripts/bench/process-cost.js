// What one run of a command costs, as the operating system accounts it once the process has
// ended: CPU seconds (user + sys), wall seconds and peak resident memory (MiB).
// - node commands: the process writes its own figures at exit (rusage.js, preloaded), to the
//   microsecond;
// - other commands (terraform): GNU time (`/usr/bin/time -f`), to the hundredth of a second.
const { spawnSync } = require('child_process');
const { existsSync, readFileSync, rmSync } = require('fs');
const { join } = require('path');

const rusage = join(__dirname, 'rusage.js');
const GNU_TIME = '/usr/bin/time';

/** One run of `node <args>`; throws with its output when it fails. */
function nodeRun(args, { cwd, env = {}, scratch }) {
  const file = join(scratch, `rusage-${process.pid}.json`);
  rmSync(file, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rusage, ...args], {
    cwd, env: { ...process.env, ...env, BENCH_RUSAGE_FILE: file }, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`);
  const u = JSON.parse(readFileSync(file, 'utf8'));
  return { cpu: (u.userUs + u.systemUs) / 1e6, wall, mb: u.maxRssKiB / 1024, stdout: r.stdout };
}

/** True when GNU time is there to account for commands that are not node. */
function canTimeCommands() {
  return existsSync(GNU_TIME);
}

/** One run of any command under GNU time; throws with its output when it fails. */
function commandRun(cmd, args, { cwd, env = {}, scratch }) {
  const file = join(scratch, `time-${process.pid}.txt`);
  rmSync(file, { force: true });
  const r = spawnSync(GNU_TIME, ['-f', '%e %U %S %M', '-o', file, cmd, ...args], {
    cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`);
  const [wall, user, sys, maxKiB] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { cpu: user + sys, wall, mb: maxKiB / 1024 };
}

module.exports = { nodeRun, commandRun, canTimeCommands };
