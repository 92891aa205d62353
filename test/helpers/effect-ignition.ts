/**
 * Applying Ignition configs with Debian's real engine into roots shaped like Fedora CoreOS and
 * Flatcar (shared/reference/effect-harness.md §1), and making such roots bootable by systemd in
 * systemd-nspawn (§2).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FAKE_DOCKER, IGNITION, fakeDaemon, runOk } from './effect';

export type IgnitionOs = 'fcos' | 'flatcar';

function write(root: string, p: string, text: string, mode = 0o644): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

/**
 * Vendor units as the OSes ship them, reduced to what ordering and enablement need:
 * docker.service is socket-activated and `WantedBy=multi-user.target` (moby-engine on FCOS,
 * docker on Flatcar: both ship docker.service with `Requires=docker.socket` and
 * `After=network-online.target docker.socket containerd.service`), and both OSes' vendor presets
 * end in `disable *` (fedora-release 99-default-disable.preset; Flatcar's 99-default.preset).
 */
export function writeVendorUnits(root: string, opts: { daemons: boolean; os?: IgnitionOs }): void {
  const dockerd = opts.daemons ? '/usr/bin/dockerd' : '/bin/true';
  write(root, 'usr/lib/systemd/system/docker.socket', '[Unit]\nDescription=Docker Socket for the API\n\n[Socket]\nListenStream=/run/docker.sock\nSocketMode=0660\nSocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n');
  write(root, 'usr/lib/systemd/system/docker.service', `[Unit]\nDescription=Docker Application Container Engine (effect-test stand-in)\nAfter=network-online.target docker.socket containerd.service\nWants=network-online.target containerd.service\nRequires=docker.socket\n\n[Service]\nType=simple\nExecStart=${dockerd} -H fd://\n\n[Install]\nWantedBy=multi-user.target\n`);
  write(root, 'usr/lib/systemd/system/containerd.service', `[Unit]\nDescription=containerd container runtime (effect-test stand-in)\nAfter=network.target local-fs.target\n\n[Service]\nType=simple\nExecStart=${opts.daemons ? '/usr/bin/containerd' : '/bin/true'}\n\n[Install]\nWantedBy=multi-user.target\n`);
  write(root, 'usr/lib/systemd/system-preset/99-default-disable.preset', 'disable *\n');
  if (opts.daemons) {
    // Binaries the OS ships that payload units call, as recording stand-ins where the Debian
    // root lacks them: FCOS has restorecon (policycoreutils) for the SELinux relabel unit.
    if (opts.os === 'fcos') write(root, 'usr/sbin/restorecon', '#!/bin/sh\necho "$*" >>/var/log/fake-restorecon\n', 0o755);
    write(root, 'usr/bin/docker', FAKE_DOCKER, 0o755);
    write(root, 'usr/bin/dockerd', fakeDaemon('dockerd'), 0o755);
    write(root, 'usr/bin/containerd', fakeDaemon('containerd'), 0o755);
  }
}

/**
 * A scratch root with what Ignition's files stage needs from the OS (effect-harness.md §1):
 * passwd/group/shadow/gshadow with `core` (uid/gid 500) and a `docker` group (FCOS and Flatcar
 * both have them), nsswitch.conf, login.defs (useradd --root), an SELinux config so Debian's
 * Ignition relabels through (our stub) setfiles, and the vendor units.
 */
export function shapeRoot(root: string): void {
  write(root, 'etc/passwd', 'root:x:0:0:root:/root:/bin/bash\ncore:x:500:500:CoreOS Admin:/home/core:/bin/bash\n');
  write(root, 'etc/group', 'root:x:0:\nwheel:x:10:root,core\ncore:x:500:\ndocker:x:233:core\n');
  write(root, 'etc/shadow', 'root:*:19000:0:99999:7:::\ncore:*:19000:0:99999:7:::\n', 0o000);
  write(root, 'etc/gshadow', 'root:::\nwheel:::root,core\ncore:!::\ndocker:!::core\n', 0o000);
  write(root, 'etc/nsswitch.conf', 'passwd: files\ngroup: files\nshadow: files\ngshadow: files\n');
  write(root, 'etc/login.defs', 'UID_MIN 1000\nUID_MAX 60000\nGID_MIN 1000\nGID_MAX 60000\nCREATE_HOME yes\nUSERGROUPS_ENAB yes\n');
  fs.mkdirSync(path.join(root, 'home/core'), { recursive: true });
  fs.chownSync(path.join(root, 'home/core'), 500, 500);
  writeVendorUnits(root, { daemons: false });
}

/** Adds FCOS/Flatcar's `core` user and `docker` group to a (Debian) root that will boot. */
export async function addOsUsers(root: string): Promise<void> {
  await runOk('chroot', [root, 'groupadd', '-g', '233', 'docker'], { timeoutMs: 30_000 });
  await runOk('chroot', [root, 'useradd', '-u', '500', '-U', '-m', '-G', 'docker', 'core'], { timeoutMs: 30_000 });
}

export interface IgnitionRun {
  /** paths the files stage handed to setfiles (FCOS would relabel them) */
  readonly relabeled: string[];
  readonly log: string;
}

/**
 * Runs Debian's Ignition, stage fetch-offline then files, `--platform=file`, into `root`,
 * with the distro base config dir empty and a stub `setfiles` that records the relabel list.
 */
export async function applyIgnition(root: string, config: string, work: string): Promise<IgnitionRun> {
  fs.mkdirSync(work, { recursive: true });
  const cfg = path.join(work, 'config.ign');
  fs.writeFileSync(cfg, config);
  fs.mkdirSync(path.join(work, 'base.d'), { recursive: true });
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const list = path.join(work, 'relabel.list');
  fs.writeFileSync(path.join(bin, 'setfiles'), `#!/bin/sh\ncat >>'${list}'\n`, { mode: 0o755 });
  write(root, 'etc/selinux/config', 'SELINUX=permissive\nSELINUXTYPE=targeted\n');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    IGNITION_CONFIG_FILE: cfg,
    IGNITION_SYSTEM_CONFIG_DIR: path.join(work, 'base.d'),
  };
  let log = '';
  for (const stage of ['fetch-offline', 'files']) {
    const r = await runOk(IGNITION, ['--platform=file', `--root=${root}`, `--config-cache=${path.join(work, 'ignition.json')}`,
      `--state-file=${path.join(work, 'state')}`, `--neednet=${path.join(work, 'neednet')}`, '--log-to-stdout', `--stage=${stage}`],
    { timeoutMs: 60_000, env });
    log += r.stdout + r.stderr;
  }
  // Our SELinux config was only there to drive the relabel path; the OS decides the real one.
  fs.rmSync(path.join(root, 'etc/selinux'), { recursive: true, force: true });
  const relabeled = fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split('\0').filter((p) => p) : [];
  return { relabeled, log };
}

/** First-boot presets offline, as FCOS/Flatcar apply them on first boot. */
export async function presetAll(root: string): Promise<void> {
  await runOk('systemctl', [`--root=${root}`, 'preset-all'], { timeoutMs: 60_000 });
}

/** Units whose state the probe records after boot. */
export const PROBED_UNITS = ['docker.service', 'docker.socket', 'containerd.service', 'var-lib-docker.mount', 'docker-fleet-data-volume.service'];

/**
 * A unit that runs once the boot reached multi-user.target: it waits (bounded) until `runs`
 * `docker run` calls were recorded, saves unit properties, the failed units and the journal to
 * /var/log/effect, and powers the container off.
 */
export function writeProbe(root: string, units: string[], runs: number): void {
  const show = 'ActiveState,SubState,Result,ConditionResult,ExecMainStartTimestampMonotonic,ActiveEnterTimestampMonotonic,InactiveExitTimestampMonotonic,After,Wants,Requires,Environment';
  write(root, 'usr/local/sbin/effect-probe', `#!/bin/bash
out=/var/log/effect
mkdir -p "$out"
for i in $(seq 1 60); do
  n=$(grep -c '^\\["run"' /var/log/fake-docker.argv 2>/dev/null)
  [ "\${n:-0}" -ge ${runs} ] && break
  sleep 1
done
for u in ${units.join(' ')}; do systemctl show "$u" -p ${show} >"$out/$u.show"; done
systemctl --failed --no-legend --plain >"$out/failed"
systemctl is-system-running >"$out/state" 2>&1
journalctl -b --no-pager -o short-monotonic >"$out/journal"
systemctl poweroff --no-block
`, 0o755);
  write(root, 'etc/systemd/system/effect-probe.service', '[Unit]\nDescription=effect-test probe\nAfter=multi-user.target\n\n[Service]\nType=oneshot\nExecStart=/usr/local/sbin/effect-probe\n');
  fs.mkdirSync(path.join(root, 'etc/systemd/system/multi-user.target.wants'), { recursive: true });
  fs.symlinkSync('/etc/systemd/system/effect-probe.service', path.join(root, 'etc/systemd/system/multi-user.target.wants/effect-probe.service'));
}

/** `systemctl show` output as a record. */
export function unitProps(root: string, unit: string): Record<string, string> {
  const p = path.join(root, 'var/log/effect', `${unit}.show`);
  const out: Record<string, string> = {};
  for (const l of fs.readFileSync(p, 'utf8').split('\n')) {
    const i = l.indexOf('=');
    if (i > 0) out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}
