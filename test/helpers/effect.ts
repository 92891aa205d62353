/**
 * The effect layer's shared harness (test/effect/): finding the real engines, the cached Debian
 * root that nspawn boots, scratch directories, and running things with bounded time.
 * Recipe and measurements: shared/reference/effect-harness.md.
 */
import { execFileSync, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ToolCheck, findOnPath } from './tools';

export const REPO = path.resolve(__dirname, '..', '..');
/** Debian's real Ignition engine (the dracut module's binary, not the validator). */
export const IGNITION = '/usr/lib/dracut/modules.d/30ignition/ignition';
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

function file(p: string, pkg: string): ToolCheck {
  return fs.existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} is missing (Debian: apt-get install -y ${pkg})` };
}
function tool(name: string, pkg: string): ToolCheck {
  const p = findOnPath(name);
  return p ? { ok: true, path: p } : { ok: false, reason: `'${name}' is not on PATH (Debian: apt-get install -y ${pkg})` };
}
function root(): ToolCheck {
  return IS_ROOT ? { ok: true } : { ok: false, reason: 'the effect layer needs root (loop devices, mount namespaces, systemd-nspawn)' };
}

export const TOOLS = {
  root: ['root', root()] as const,
  ignition: ['ignition', file(IGNITION, 'ignition')] as const,
  systemctl: ['systemctl', tool('systemctl', 'systemd')] as const,
  systemdAnalyze: ['systemd-analyze', tool('systemd-analyze', 'systemd')] as const,
  nspawn: ['systemd-nspawn', tool('systemd-nspawn', 'systemd-container')] as const,
  debootstrap: ['debootstrap', tool('debootstrap', 'debootstrap')] as const,
  unshare: ['unshare', tool('unshare', 'util-linux')] as const,
  losetup: ['losetup', tool('losetup', 'mount')] as const,
  wipefs: ['wipefs', tool('wipefs', 'util-linux')] as const,
  sfdisk: ['sfdisk', tool('sfdisk', 'fdisk')] as const,
  mkfsExt4: ['mkfs.ext4', tool('mkfs.ext4', 'e2fsprogs')] as const,
  mkfsXfs: ['mkfs.xfs', tool('mkfs.xfs', 'xfsprogs')] as const,
  shellcheck: ['shellcheck', tool('shellcheck', 'shellcheck')] as const,
  python3: ['python3', tool('python3', 'python3')] as const,
  qemu: ['qemu-system-x86_64', tool('qemu-system-x86_64', 'qemu-system-x86')] as const,
  debugfs: ['debugfs', tool('debugfs', 'e2fsprogs')] as const,
  blkid: ['blkid', tool('blkid', 'util-linux')] as const,
  aptGet: ['apt-get', tool('apt-get', 'apt')] as const,
  dpkgDeb: ['dpkg-deb', tool('dpkg-deb', 'dpkg')] as const,
  busybox: ['busybox', tool('busybox', 'busybox')] as const,
};

/** A scratch directory under /var/tmp (not tmpfs: roots are large), removed by `cleanup`. */
export function scratch(prefix: string): string {
  const base = path.join(os.tmpdir() === '/tmp' ? '/var/tmp' : os.tmpdir(), 'cdktf-docker-fleet-effect');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `${prefix}-`));
  // 0755: Ignition writes users' SSH keys as the user, who must be able to reach the root.
  fs.chmodSync(dir, 0o755);
  return dir;
}

export function rmrf(p: string): void {
  fs.rmSync(p, { recursive: true, force: true });
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Every descendant of `pid` (children first found through /proc/PID/stat's parent field). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      parentOf.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const out: number[] = [];
  const walk = (p: number) => { for (const [c, pp] of parentOf) if (pp === p) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

/**
 * Kills a process, its group and every descendant. A container's init (systemd-nspawn's child)
 * runs in its own session and PID namespace: killing nspawn's group alone leaves it running,
 * while SIGKILL to a PID namespace's init ends every process in that namespace (pid_namespaces(7)).
 */
export function killTree(pid: number): void {
  for (const p of [...descendants(pid), pid]) {
    try { process.kill(p, 'SIGKILL'); } catch { /* gone */ }
  }
  try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
}

/** Programs started by `run` that have not ended: killed with their trees if jest exits first. */
const live = new Set<number>();
process.on('exit', () => { for (const pid of live) killTree(pid); });

/**
 * Runs a program (no shell), bounded by `timeoutMs`: on timeout the program, its process group
 * and all its descendants get SIGKILL, so nothing outlives the test.
 */
export function run(cmd: string, args: readonly string[], opts: SpawnOptions & { timeoutMs: number; input?: string }): Promise<RunResult> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args as string[], { ...opts, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    if (child.pid) live.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => killTree(child.pid!), opts.timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); live.delete(child.pid!); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child.pid!);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - start });
    });
    child.stdin!.on('error', () => { /* the program did not read its input */ });
    child.stdin!.end(opts.input ?? '');
  });
}

/** Like `run`, but throws with the output when the program does not exit 0. */
export async function runOk(cmd: string, args: readonly string[], opts: SpawnOptions & { timeoutMs: number; input?: string }): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code ?? r.signal} after ${r.ms} ms\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`);
  }
  return r;
}

/**
 * The cached Debian bookworm root (systemd, OpenRC, busybox, cloud-init, PyYAML), built by
 * scripts/effect-root.sh when missing. Outside the repo: /var/cache/cdktf-docker-fleet.
 */
export function effectRoot(): string {
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'effect-root.sh')], { encoding: 'utf8', timeout: 900_000, stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

/** A private copy of the cached root for one test (cp -a with reflinks where the fs has them). */
export async function copyRoot(dest: string): Promise<void> {
  await runOk('cp', ['-a', '--reflink=auto', `${effectRoot()}/.`, dest], { timeoutMs: 300_000 });
}

/**
 * Runs one command inside a root with systemd-nspawn (never registered, always in our scope),
 * bounded in time; `--pipe` passes our stdio through.
 */
export function nspawnRun(rootDir: string, argv: readonly string[],
  opts: { timeoutMs: number; extra?: string[]; input?: string; env?: Record<string, string> }): Promise<RunResult> {
  return run('systemd-nspawn', ['-q', '--register=no', '--keep-unit', '--pipe', '--console=pipe', ...(opts.extra ?? []), '-D', rootDir, '--', ...argv],
    { timeoutMs: opts.timeoutMs, input: opts.input, env: { ...process.env, SYSTEMD_NSPAWN_TMPFS_TMP: '0', ...opts.env } });
}

/**
 * A fake `docker` CLI that appends each invocation's argv as one JSON line to
 * /var/log/fake-docker.argv, and behaves enough like the CLI for the units: `image inspect`
 * fails (no images), `pull` fails the first time per image (to prove the retry loop), `run`
 * blocks like a foreground container, `rm`/`stop` succeed. Written in POSIX sh + python3 is not
 * in every root, so the argv is encoded by the shell itself (JSON string escaping by sed).
 */
export const FAKE_DOCKER = `#!/bin/bash
# fake docker for the effect tests: records argv, fakes the CLI
log=/var/log/fake-docker.argv
json='['
sep=''
for a in "$@"; do
  e=\${a//\\\\/\\\\\\\\}
  e=\${e//\\"/\\\\\\"}
  e=\${e//$'\\t'/\\\\t}
  e=\${e//$'\\n'/\\\\n}
  e=\${e//$'\\r'/\\\\r}
  json+="$sep\\"$e\\""
  sep=','
done
json+=']'
printf '%s\\n' "$json" >>"$log"
case "$1" in
  image) exit 1 ;;
  pull)
    marker="/var/log/fake-docker.pulled.$(printf %s "$2" | tr -c 'A-Za-z0-9' _)"
    if [ -e "$marker" ]; then exit 0; fi
    : >"$marker"; echo "fake docker: first pull fails on purpose" >&2; exit 1 ;;
  run) exec sleep infinity ;;
  *) exit 0 ;;
esac
`;

/** A fake long-running daemon (dockerd, containerd) that only records that it started. */
export function fakeDaemon(name: string): string {
  return `#!/bin/sh\necho "$(date +%s.%N) ${name} $*" >>/var/log/fake-daemons\nexec sleep infinity\n`;
}

/** Parses the fake docker's argv log. */
export function dockerCalls(rootDir: string): string[][] {
  const p = path.join(rootDir, 'var/log/fake-docker.argv');
  if (!fs.existsSync(p)) return [];
  return fs.readFileSync(p, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l));
}
