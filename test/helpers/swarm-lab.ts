/**
 * A lab of real Docker engines for the swarm effect tests: every node is a real dockerd (Debian's
 * docker.io) in network, mount and UTS namespaces of its own, its interface on one bridge, all of
 * them inside one PID namespace (the hub) so that ending the hub ends every process the lab
 * started. Each node runs the library's node script as its rendered service runs it (the unit's
 * ExecStart under its Restart= rule, its ExecStop before Docker stops), with the settings file,
 * daemon.json and update-turn files of the synthesized payload.
 *
 * What stands in for AWS (swarm-fakes.ts): the account (SSM parameters, Secrets Manager secrets,
 * Auto Scaling instances and lifecycle actions) is a directory; `apply`/`destroy` create and
 * delete the state resources the synthesized stack declares, as Terraform would; `FakeAsg` plays
 * the Auto Scaling group: instance ids and addresses, IMDS, and the lifecycle hooks the stack
 * declares (a launching instance waits for its launch hook, a terminating one for its termination
 * hook, each bounded by the hook's heartbeat timeout, scaled down).
 *
 * Recipe: reference in the README's "Testing" section; the kernel here has no dummy interface
 * driver, so nodes get one end of a veth pair each.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { SWARM_ENV, SWARM_SCRIPT } from '../../lib/swarm/swarm-script';
import { rmrf, run, RunResult, scratch } from './effect';
import { FAKE_AWS, FAKE_IMDS } from './swarm-fakes';
import { cloudConfigFile, ignitionFile, ignitionUnit } from './payloads';

const DOCKER = '/usr/bin/docker';
const SLOT_DIR = '/etc/docker-swarm/update-slots/';

/** Sleeps for `ms`. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value (not undefined), or throws what `describe` says after `timeoutMs`. */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, describe?: () => Promise<string>):
Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `\n${await describe()}` : ''}`);
    await pause(500);
  }
}

/** How a node's service runs the script, read from its rendered systemd unit. */
export interface ServiceDefinition {
  readonly start: string;
  readonly stop?: string;
  readonly restart: string;
  readonly restartSec: number;
}

/** What a node of one group gets from the synthesized payload. */
export interface NodePayload {
  readonly script: string;
  readonly env: string;
  readonly daemonJson: string;
  readonly service: ServiceDefinition;
  /** update-turn files: path under the turn directory → contents */
  readonly turnFiles: ReadonlyMap<string, Buffer>;
}

function unitSetting(unit: string, key: string): string | undefined {
  return unit.split('\n').find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
}

/** Reads a node group's payload (an Ignition user data of a launch template). */
export function payloadOf(userData: Buffer): NodePayload {
  const text = (userData[0] === 0x1f && userData[1] === 0x8b ? gunzipSync(userData) : userData).toString('utf8');
  if (!text.startsWith('{')) throw new Error('the lab runs systemd-shaped nodes (Fedora CoreOS, Flatcar); Alpine has its own test');
  const file = (p: string) => {
    const f = ignitionFile(text, p);
    if (f === undefined) throw new Error(`the payload has no ${p}`);
    return f;
  };
  const unit: string = ignitionUnit(text, 'docker-swarm.service')?.contents ?? '';
  const turns = new Map<string, Buffer>();
  for (const f of JSON.parse(text).storage?.files ?? []) {
    if (f.path.startsWith(SLOT_DIR)) turns.set(f.path.slice(SLOT_DIR.length), Buffer.from(ignitionFile(text, f.path)!, 'utf8'));
  }
  return {
    script: file(SWARM_SCRIPT),
    env: file(SWARM_ENV),
    daemonJson: file('/etc/docker/daemon.json'),
    service: {
      start: unitSetting(unit, 'ExecStart')!,
      stop: unitSetting(unit, 'ExecStop'),
      restart: unitSetting(unit, 'Restart') ?? 'no',
      restartSec: parseInt(unitSetting(unit, 'RestartSec') ?? '1', 10) || 1,
    },
    turnFiles: turns,
  };
}

/** Test hooks of the script: short timings for the lab. */
export interface Timings {
  readonly sleep: number;
  readonly pendingSeconds: number;
  readonly maintainSeconds: number;
  readonly drainWait: number;
}
export const LAB_TIMINGS: Timings = { sleep: 1, pendingSeconds: 6, maintainSeconds: 3, drainWait: 10 };

const HUB = `#!/bin/bash
# The lab's hub: PID 1 of the lab's PID namespace, with the bridge in its own network namespace.
set -eu
ip link set lo up
ip link add br0 type bridge
ip link set br0 up
# this shell's PID as the machine sees it (/proc is the machine's): the parent of \`cut\`
cut -d' ' -f4 /proc/self/stat >"$1/hub.pid"
exec sleep infinity
`;

const HOLDER = `#!/bin/bash
# A node's namespaces: its host name, its interface (moved in by the lab), a private /run.
set -u
D=$1
hostname "$2"
ip link set lo up
cut -d' ' -f4 /proc/self/stat >"$D/holder.pid"
for _ in $(seq 1 200); do ip link show eth0 >/dev/null 2>&1 && break; sleep 0.05; done
ip addr add "$3/16" dev eth0 && ip link set eth0 up
mount -t tmpfs tmpfs /run
echo up >"$D/holder.up"
exec sleep infinity
`;

/** Runs inside a node's namespaces: Docker and the swarm service, as the init system would. */
const NODECTL = `#!/bin/bash
set -u
D=$1; cmd=$2
set -a; . "$D/lab.env"; set +a
case "$cmd" in
  docker-start)
    mkdir -p /run/docker
    setsid dockerd --config-file "$D/daemon.json" --data-root "$D/docker" --exec-root /run/docker --pidfile /run/docker.pid \\
      -H "$DOCKER_HOST" >>"$D/dockerd.log" 2>&1 </dev/null &
    echo $! >"$D/dockerd.pid" ;;
  docker-stop)
    p=$(cat "$D/dockerd.pid")
    kill -TERM "$p" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null
    # what a reboot clears: the runtime directory (a killed dockerd leaves its network namespaces mounted)
    for m in $(awk '$2 ~ "^/run/docker/" { print $2 }' /proc/self/mounts); do umount -l "$m"; done
    rm -rf /run/docker /run/docker.pid ;;
  service-start)
    setsid bash "$LAB/supervise.sh" "$D" >>"$D/service.log" 2>&1 </dev/null &
    echo $! >"$D/service.pid" ;;
  service-stop)
    [ -z "$SERVICE_STOP" ] || $SERVICE_STOP >>"$D/service.log" 2>&1
    kill -TERM -- -"$(cat "$D/service.pid")" 2>/dev/null
    sleep 0.3
    kill -KILL -- -"$(cat "$D/service.pid")" 2>/dev/null
    true ;;
esac
`;

/** systemd's Restart= for the service's main process (systemd.service(5)). */
const SUPERVISE = `#!/bin/bash
set -u
D=$1
set -a; . "$D/lab.env"; set +a
while :; do
  $SERVICE_START
  rc=$?
  echo "lab: the service's main process exited $rc"
  case "$SERVICE_RESTART" in always) ;; on-failure) [ $rc -ne 0 ] || exit 0 ;; *) exit $rc ;; esac
  sleep "$SERVICE_RESTART_SEC"
done
`;

/** A command-line recorder for a program the script runs: every argv goes to $LAB_ARGV_LOG. */
const shim = (real: string) => `#!/bin/bash\nprintf '%s %s\\n' "$(hostname)" "$*" >>"$LAB_ARGV_LOG"\nexec ${real} "$@"\n`;

export interface NodeSpec {
  readonly name: string;
  readonly ip: string;
  readonly payload: NodePayload;
  readonly imds: Record<string, string>;
  /** start the service this many ms before dockerd (Docker slow to answer) */
  readonly dockerDelayMs?: number;
}

/** One node: a real dockerd and the swarm service in their own namespaces. */
export class LabNode {
  constructor(readonly lab: Lab, readonly name: string, readonly ip: string, readonly dir: string, readonly payload: NodePayload) {}

  get holderPid(): number { return Number(fs.readFileSync(path.join(this.dir, 'holder.pid'), 'utf8')); }

  /** Runs a command inside the node's namespaces (and the lab's PID namespace). */
  exec(args: string[], timeoutMs = 60_000): Promise<RunResult> {
    return run('nsenter', ['-t', String(this.holderPid), '--net', '--mount', '--uts', '--pid', '--', ...args], { timeoutMs });
  }

  private async ctl(cmd: string): Promise<void> {
    const r = await this.exec(['bash', path.join(this.lab.dir, 'nodectl.sh'), this.dir, cmd], 60_000);
    if (r.code !== 0) throw new Error(`${this.name} ${cmd} exited ${r.code}: ${r.stderr}`);
  }

  /** The docker CLI against this node's engine (from outside: its socket is a file). */
  docker(args: string[], timeoutMs = 30_000): Promise<RunResult> {
    return run(DOCKER, args, { timeoutMs, env: { PATH: process.env.PATH, DOCKER_HOST: `unix://${this.dir}/docker.sock` } });
  }

  /** `docker info` fields: LocalNodeState, NodeID, ControlAvailable, Cluster ID (empty when dockerd is down). */
  async info(): Promise<{ state: string; nodeId: string; manager: boolean; clusterId: string }> {
    const r = await this.docker(['info', '--format', '{{.Swarm.LocalNodeState}} {{.Swarm.NodeID}} {{.Swarm.ControlAvailable}} '
      + '{{if .Swarm.Cluster}}{{.Swarm.Cluster.ID}}{{end}}'], 15_000);
    const [state = '', nodeId = '', manager = '', clusterId = ''] = r.code === 0 ? r.stdout.trim().split(' ') : [];
    return { state, nodeId, manager: manager === 'true', clusterId };
  }

  startDocker(): Promise<void> { return this.ctl('docker-start'); }
  stopDocker(): Promise<void> { return this.ctl('docker-stop'); }
  startService(): Promise<void> { return this.ctl('service-start'); }
  /** What stopping the unit does: ExecStop (the drain), then the main process is killed. */
  stopService(): Promise<void> { return this.ctl('service-stop'); }

  /** Boots: Docker, then the service (systemd starts it once dockerd is ready), or the service first. */
  async boot(dockerDelayMs?: number): Promise<void> {
    if (dockerDelayMs === undefined) {
      await this.startDocker();
      await until(`dockerd of ${this.name}`, 60_000, async () => ((await this.docker(['version'], 10_000)).code === 0 ? true : undefined));
      await this.startService();
    } else {
      await this.startService();
      await pause(dockerDelayMs);
      await this.startDocker();
    }
  }

  /** A reboot as an init system does it: the swarm service stops first (its drain), then Docker; both start again. */
  async reboot(dockerDelayMs?: number): Promise<void> {
    await this.stopService();
    await this.stopDocker();
    await this.boot(dockerDelayMs);
  }

  /** Every process of the node, found by its network namespace. */
  private processes(): number[] {
    let ns: string;
    try { ns = fs.readlinkSync(`/proc/${this.holderPid}/ns/net`); } catch { return []; }
    const out: number[] = [];
    for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      try { if (fs.readlinkSync(`/proc/${p}/ns/net`) === ns) out.push(Number(p)); } catch { /* gone */ }
    }
    return out;
  }

  /** The instance is gone: every process of the node ends at once. */
  async kill(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const ps = this.processes();
      if (ps.length === 0) return;
      for (const p of ps) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
      await pause(300);
    }
  }

  /** The node's service log (the script's own lines). */
  log(): string {
    const p = path.join(this.dir, 'service.log');
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
  }
}

/** The lab: the hub, the fake account and the nodes. */
export class Lab {
  private hub?: Promise<RunResult>;
  private hubPid = 0;
  private addresses = 10;
  private veths = 0;
  readonly nodes: LabNode[] = [];
  readonly account: string;

  private constructor(readonly dir: string, readonly timings: Timings) {
    this.account = path.join(dir, 'account');
  }

  /** Starts the hub and writes the lab's programs. */
  static async open(prefix: string, timings: Timings = LAB_TIMINGS): Promise<Lab> {
    const lab = new Lab(scratch(prefix), timings);
    const w = (name: string, text: string) => fs.writeFileSync(path.join(lab.dir, name), text, { mode: 0o755 });
    fs.mkdirSync(path.join(lab.dir, 'bin'));
    fs.mkdirSync(path.join(lab.dir, 'shims'));
    fs.mkdirSync(lab.account);
    w('hub.sh', HUB);
    w('holder.sh', HOLDER);
    w('nodectl.sh', NODECTL);
    w('supervise.sh', SUPERVISE);
    w('bin/aws', FAKE_AWS);
    w('bin/imds', FAKE_IMDS);
    w('shims/docker', shim(DOCKER));
    w('shims/curl', shim('/usr/bin/curl'));
    // the script's syslog lines go to its log file only (not to this machine's journal)
    w('shims/logger', '#!/bin/sh\nexit 0\n');
    lab.hub = run('unshare', ['--pid', '--net', '--mount', '--propagation', 'private', '--fork', 'bash', path.join(lab.dir, 'hub.sh'), lab.dir],
      { timeoutMs: 3_600_000 });
    lab.hubPid = await until('the lab hub', 10_000, async () => {
      const f = path.join(lab.dir, 'hub.pid');
      return fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : undefined;
    });
    return lab;
  }

  /** A free address on the lab's bridge. */
  address(): string {
    const n = this.addresses++;
    return `10.99.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }

  /** Every process the lab started ends (the hub is PID 1 of their PID namespace), and its files go. */
  async close(keep = !!process.env.EFFECT_KEEP): Promise<void> {
    if (this.hubPid) { try { process.kill(this.hubPid, 'SIGKILL'); } catch { /* gone */ } }
    await this.hub;
    if (!keep) rmrf(this.dir);
  }

  /** Creates a node's namespaces and files, and boots it. */
  async node(spec: NodeSpec, env: Record<string, string> = {}): Promise<LabNode> {
    const dir = path.join(this.dir, 'nodes', spec.name);
    fs.mkdirSync(path.join(dir, 'imds', 'placement'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'imds', 'autoscaling'), { recursive: true });
    for (const [k, v] of Object.entries(spec.imds)) fs.writeFileSync(path.join(dir, 'imds', k), v);
    const p = spec.payload;
    fs.writeFileSync(path.join(dir, 'docker-swarm-node'), p.script, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'daemon.json'), p.daemonJson);
    for (const [rel, contents] of p.turnFiles) {
      fs.mkdirSync(path.dirname(path.join(dir, 'turns', rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'turns', rel), contents);
    }
    // the settings as the host has them, with this node's turn directory and no OS update agent to reload
    fs.writeFileSync(path.join(dir, 'swarm.env'), p.env.replace(/^SWARM_SLOT_DIR=.*$/m, `SWARM_SLOT_DIR='${dir}/turns'`)
      .replace(/^SWARM_UPDATE_RELOAD=.*$/m, "SWARM_UPDATE_RELOAD=''"));
    const local = (cmd: string | undefined) => (cmd ?? '').split(SWARM_SCRIPT).join(path.join(dir, 'docker-swarm-node'));
    const t = this.timings;
    const settings: Record<string, string> = {
      LAB: this.dir,
      LAB_ARGV_LOG: path.join(this.dir, 'argv'),
      PATH: `${this.dir}/shims:/usr/sbin:/usr/bin:/sbin:/bin`,
      DOCKER_HOST: `unix://${dir}/docker.sock`,
      SERVICE_START: local(p.service.start),
      SERVICE_STOP: local(p.service.stop),
      SERVICE_RESTART: p.service.restart,
      SERVICE_RESTART_SEC: String(Math.min(p.service.restartSec, 2)),
      SWARM_ENV_FILE: path.join(dir, 'swarm.env'),
      SWARM_STATE_DIR: path.join(dir, 'state'),
      SWARM_ROOT: path.join(dir, 'root'),
      SWARM_AWS: path.join(this.dir, 'bin', 'aws'),
      SWARM_IMDS: path.join(this.dir, 'bin', 'imds'),
      SWARM_SLEEP: String(t.sleep),
      SWARM_PENDING_SECONDS: String(t.pendingSeconds),
      SWARM_MAINTAIN_SECONDS: String(t.maintainSeconds),
      SWARM_DRAIN_WAIT: String(t.drainWait),
      SWARM_MOUNT: 'none',
      FAKE_AWS_STORE: this.account,
      FAKE_NODE: spec.name,
      FAKE_IMDS_DIR: path.join(dir, 'imds'),
      ...env,
    };
    fs.mkdirSync(path.join(dir, 'root'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lab.env'), Object.entries(settings).map(([k, v]) => `${k}='${v}'\n`).join(''));
    // the node's namespaces, inside the hub's PID namespace; its interface, from the hub's bridge
    void run('nsenter', ['-t', String(this.hubPid), '--pid', '--mount', '--', 'unshare', '--net', '--mount', '--uts', '--propagation', 'private',
      '--fork', 'bash', path.join(this.dir, 'holder.sh'), dir, spec.name, spec.ip], { timeoutMs: 3_600_000 });
    const holder = await until(`${spec.name}'s namespaces`, 10_000, async () => {
      const f = path.join(dir, 'holder.pid');
      return fs.existsSync(f) && fs.readFileSync(f, 'utf8').trim() ? Number(fs.readFileSync(f, 'utf8')) : undefined;
    });
    const veth = `v${this.veths++}-${process.pid % 1000}`;
    for (const args of [['link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', String(holder)], ['link', 'set', veth, 'master', 'br0', 'up']]) {
      const r = await run('nsenter', ['-t', String(this.hubPid), '--net', '--', 'ip', ...args], { timeoutMs: 10_000 });
      if (r.code !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr}`);
    }
    await until(`${spec.name}'s interface`, 10_000, async () => (fs.existsSync(path.join(dir, 'holder.up')) ? true : undefined));
    const node = new LabNode(this, spec.name, spec.ip, dir, p);
    this.nodes.push(node);
    await node.boot(spec.dockerDelayMs);
    return node;
  }

  /** Every argv the script gave docker, curl and aws, one a line. */
  argv(): string {
    const read = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '');
    return read(path.join(this.dir, 'argv')) + read(path.join(this.account, 'calls'));
  }
}
