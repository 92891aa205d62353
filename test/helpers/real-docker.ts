/**
 * The real-Docker part of the effect layer: roots that boot with systemd as PID 1 in
 * systemd-nspawn (or run OpenRC) and start Debian's real dockerd through units shaped like the
 * OSes' own, an offline image imported under the containers' image names, and the nspawn flags
 * a real dockerd needs on this kind of machine.
 *
 * The cached layers (scripts/effect-docker-layer.sh) are built in jest's globalSetup
 * (test/global-setup.ts), never inside a test.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, run, runOk, RunResult } from './effect';

function write(root: string, p: string, text: string, mode = 0o644): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

export interface DockerLayer {
  /** a Debian root with systemd, OpenRC, docker.io, dbus and udev */
  readonly root: string;
  /** a `docker import`-able tar of the busybox effect image */
  readonly image: string;
}

let layer: DockerLayer | undefined;
/** The cached docker layer and image (built by globalSetup; this only reads the paths). */
export function dockerLayer(): DockerLayer {
  if (!layer) {
    const out = execFileSync('bash', [path.join(REPO, 'scripts', 'effect-docker-layer.sh')],
      { encoding: 'utf8', timeout: 900_000, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n');
    layer = { root: out[out.length - 2], image: out[out.length - 1] };
  }
  return layer;
}

/** A private copy of the docker layer for one test. */
export async function copyDockerRoot(dest: string): Promise<void> {
  await runOk('cp', ['-a', '--reflink=auto', `${dockerLayer().root}/.`, dest], { timeoutMs: 300_000 });
}

export type DockerOs = 'fcos' | 'flatcar';

/**
 * Fedora's moby-engine docker.service (Fedora rpms/moby-engine docker.service):
 * `Type=notify`, `EnvironmentFile=-/etc/sysconfig/docker`, and
 * `dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS`. Fedora's
 * /etc/sysconfig/docker sets OPTIONS with --live-restore, --log-driver=journald and a default
 * ulimit, so a payload that does not override OPTIONS while setting the same keys in
 * daemon.json makes the real dockerd refuse to start: the stand-in ships that file too.
 */
const FCOS_DOCKER_SERVICE = `[Unit]
Description=Docker Application Container Engine (Fedora moby-engine shape)
After=network-online.target docker.socket containerd.service time-set.target
Wants=network-online.target containerd.service
Requires=docker.socket

[Service]
Type=notify
EnvironmentFile=-/etc/sysconfig/docker
ExecStart=/usr/bin/dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS
ExecReload=/bin/kill -s HUP $MAINPID
TimeoutStartSec=0
RestartSec=2
Restart=always
StartLimitBurst=3
StartLimitInterval=60s
LimitNOFILE=infinity
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
Delegate=yes
KillMode=process
OOMScoreAdjust=-500

[Install]
WantedBy=multi-user.target
`;
const FCOS_SYSCONFIG = 'OPTIONS="--selinux-enabled --log-driver=journald --live-restore --default-ulimit nofile=1024:1024 '
  + '--init-path /usr/libexec/docker/docker-init --userland-proxy-path /usr/libexec/docker/docker-proxy"\n';

/**
 * Flatcar's docker.service (flatcar/scripts coreos-overlay app-containers/docker files):
 * `Type=notify`, `Requires=containerd.service docker.socket`,
 * `Environment=DOCKER_SELINUX=--selinux-enabled=true` and
 * `dockerd --host=fd:// --containerd=/run/docker/libcontainerd/docker-containerd.sock $DOCKER_SELINUX $DOCKER_OPTS …`;
 * Flatcar's containerd.service listens on that socket.
 */
const FLATCAR_DOCKER_SERVICE = `[Unit]
Description=Docker Application Container Engine (Flatcar shape)
After=containerd.service docker.socket network-online.target
Wants=network-online.target
Requires=containerd.service docker.socket

[Service]
Type=notify
Environment=DOCKER_SELINUX=--selinux-enabled=true
ExecStart=/usr/bin/dockerd --host=fd:// --containerd=/run/docker/libcontainerd/docker-containerd.sock $DOCKER_SELINUX $DOCKER_OPTS $DOCKER_CGROUPS $DOCKER_OPT_BIP $DOCKER_OPT_MTU $DOCKER_OPT_IPMASQ
ExecReload=/bin/kill -s HUP $MAINPID
LimitNOFILE=1048576
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
TimeoutStartSec=0
Delegate=yes
KillMode=process
Restart=on-failure
StartLimitBurst=3
StartLimitInterval=60s

[Install]
WantedBy=multi-user.target
`;
const FLATCAR_CONTAINERD_SERVICE = `[Unit]
Description=containerd container runtime (Flatcar shape)
After=network.target

[Service]
Delegate=yes
Environment=CONTAINERD_CONFIG=/usr/share/containerd/config.toml
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd --config \${CONTAINERD_CONFIG}
KillMode=process
Restart=always

[Install]
WantedBy=multi-user.target
`;
const FLATCAR_CONTAINERD_CONFIG = 'version = 2\n\n[grpc]\naddress = "/run/docker/libcontainerd/docker-containerd.sock"\n';

const DOCKER_SOCKET = `[Unit]
Description=Docker Socket for the API

[Socket]
ListenStream=/run/docker.sock
SocketMode=0660
SocketUser=root
SocketGroup=docker

[Install]
WantedBy=sockets.target
`;

/**
 * The OS's own docker units around Debian's real binaries, a `disable *` vendor preset (both
 * OSes end their presets so), and the paths the payloads name (/usr/libexec/docker/…).
 */
export function writeOsDockerUnits(root: string, os: DockerOs): void {
  write(root, 'usr/lib/systemd/system/docker.socket', DOCKER_SOCKET);
  write(root, 'usr/lib/systemd/system-preset/99-default-disable.preset', 'disable *\n');
  // Debian installs dockerd in /usr/sbin; both OSes' units run /usr/bin/dockerd.
  if (!fs.existsSync(path.join(root, 'usr/bin/dockerd'))) fs.symlinkSync('/usr/sbin/dockerd', path.join(root, 'usr/bin/dockerd'));
  fs.mkdirSync(path.join(root, 'usr/libexec/docker'), { recursive: true });
  fs.symlinkSync('/usr/bin/docker-init', path.join(root, 'usr/libexec/docker/docker-init'));
  fs.symlinkSync('/usr/sbin/docker-proxy', path.join(root, 'usr/libexec/docker/docker-proxy'));
  if (os === 'fcos') {
    write(root, 'usr/lib/systemd/system/docker.service', FCOS_DOCKER_SERVICE);
    write(root, 'etc/sysconfig/docker', FCOS_SYSCONFIG);
    // FCOS has restorecon (policycoreutils) for the SELinux relabel unit; no SELinux here.
    write(root, 'usr/sbin/restorecon', '#!/bin/sh\necho "$*" >>/var/log/restorecon-calls\n', 0o755);
  } else {
    write(root, 'usr/lib/systemd/system/docker.service', FLATCAR_DOCKER_SERVICE);
    write(root, 'usr/lib/systemd/system/containerd.service', FLATCAR_CONTAINERD_SERVICE);
    write(root, 'usr/share/containerd/config.toml', FLATCAR_CONTAINERD_CONFIG);
  }
}

/**
 * Loads the effect image into the real dockerd before any container unit starts, tagged with
 * every name in `images` (a stand-in for a registry: the units' pull loop then finds the image
 * present, tries `docker pull`, which fails offline, and runs it). A drop-in's ExecStartPost
 * runs after a Type=notify dockerd reported ready, and units ordered After=docker.service start
 * only when it is done (systemd.service(5) "ExecStartPost=").
 */
export function writeImageLoader(root: string, images: readonly string[], unit = 'docker.service'): void {
  fs.copyFileSync(dockerLayer().image, path.join(root, 'var/lib/effect-image.tar'));
  const tags = images.map((i) => `docker tag effect/image:1 '${i.replace(/'/g, '')}'`).join('\n');
  write(root, 'usr/local/sbin/effect-load-images', `#!/bin/sh
set -e
docker image inspect effect/image:1 >/dev/null 2>&1 || docker import --change 'ENTRYPOINT ["/entrypoint.sh"]' /var/lib/effect-image.tar effect/image:1
${tags}
`, 0o755);
  write(root, `etc/systemd/system/${unit}.d/90-effect-images.conf`, '[Service]\nExecStartPost=/usr/local/sbin/effect-load-images\n');
}

/**
 * systemd-nspawn flags for a boot that runs a real dockerd here: the host runs cgroup v1
 * (hybrid), so the container gets the unified hierarchy (otherwise runc fails creating
 * cpuset cgroups on a read-only /sys/fs/cgroup), and the keyring and bpf system calls runc
 * needs are allowed.
 */
export async function bootWithDocker(root: string, timeoutMs: number): Promise<RunResult> {
  // With --keep-unit and no systemd on the host, nspawn leaves the container in its caller's
  // cgroup, the unified hierarchy's root here: two boots at once then share one cgroup tree, and
  // each systemd removes what the other creates (units fail "at step CGROUP ... No such file or
  // directory"). Each boot gets a cgroup of its own, removed (deepest first) after it.
  const group = path.join(UNIFIED_CGROUP, `effect-boot-${process.pid}-${++boots}`);
  const r = await run('sh', ['-c', 'mkdir -p "$1" && echo $$ > "$1/cgroup.procs" && shift && exec "$@"', 'sh', group,
    'systemd-nspawn', '-q', '--register=no', '--keep-unit', '--private-network', '--console=pipe',
    '--system-call-filter=@keyring bpf', '-D', root, '--boot'],
  { timeoutMs, env: { ...process.env, SYSTEMD_NSPAWN_UNIFIED_HIERARCHY: '1', SYSTEMD_NSPAWN_TMPFS_TMP: '0' } });
  removeCgroup(group);
  return r;
}

/** Where the host mounts the unified (cgroup v2) hierarchy next to its v1 controllers. */
const UNIFIED_CGROUP = '/sys/fs/cgroup/unified';
let boots = 0;

function removeCgroup(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeCgroup(path.join(dir, e.name));
  try { fs.rmdirSync(dir); } catch { /* still has a process: left for the kernel to report */ }
}

/** The real-Docker probe (test/helpers/real-docker-probe.sh), installed as a unit after multi-user.target. */
export function writeDockerProbe(root: string, settings: Record<string, string>): void {
  write(root, 'usr/local/sbin/effect-probe', fs.readFileSync(path.join(__dirname, 'real-docker-probe.sh'), 'utf8'), 0o755);
  write(root, 'etc/effect-probe.env', Object.entries(settings).map(([k, v]) => `${k}='${v.replace(/'/g, '')}'\n`).join(''));
  write(root, 'etc/systemd/system/effect-probe.service',
    '[Unit]\nDescription=effect-test probe (real Docker)\nAfter=multi-user.target\n\n[Service]\nType=oneshot\nExecStart=/usr/local/sbin/effect-probe\n');
  fs.mkdirSync(path.join(root, 'etc/systemd/system/multi-user.target.wants'), { recursive: true });
  fs.symlinkSync('/etc/systemd/system/effect-probe.service', path.join(root, 'etc/systemd/system/multi-user.target.wants/effect-probe.service'));
}

/** A file the probe wrote under /var/log/effect, or undefined. */
export function probeFile(root: string, name: string): string | undefined {
  const p = path.join(root, 'var/log/effect', name);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
}

/** `docker inspect` of one container, as the probe saved it. */
export function inspected(root: string, name: string): any {
  const text = probeFile(root, `inspect-${name}.json`);
  if (!text) throw new Error(`the probe saved no docker inspect for ${name}; journal tail:\n${(probeFile(root, 'journal') ?? '').slice(-4000)}`);
  return JSON.parse(text)[0];
}
