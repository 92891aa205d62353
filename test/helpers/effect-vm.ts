/**
 * Booting a real kernel with systemd and udev in qemu (TCG: no KVM needed) for the effect layer:
 * the cached kernel, busybox initramfs and root from scripts/effect-vm-layer.sh, a root image made
 * per boot from a copy of that root (mkfs.ext4 -d: no loop device), the guest's findings read back
 * from the image with debugfs after the guest powered off. Every qemu writes a pid file;
 * `killVms` (afterAll) kills whatever a failed or timed-out test left running.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, RunResult, run, runOk } from './effect';

export interface VmLayer {
  readonly kernel: string;
  readonly initramfs: string;
  /** the root directory tests copy (systemd, udev, kmod, docker.io, the kernel's modules) */
  readonly root: string;
}

/** The cached layers, built when missing (scripts/effect-vm-layer.sh; minutes the first time). */
export function vmLayer(): VmLayer {
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'effect-vm-layer.sh')], { encoding: 'utf8', timeout: 1_800_000, stdio: ['ignore', 'pipe', 'inherit'] });
  const [kernel, initramfs, root] = out.trim().split('\n').slice(-3);
  return { kernel, initramfs, root };
}

export interface VmDisk {
  readonly file: string;
  /** virtio-blk (`/dev/vdX`, serial in /sys/block/vdX/serial) or qemu's NVMe controller (`/dev/nvmeXn1`) */
  readonly bus: 'virtio' | 'nvme';
  readonly serial: string;
}

/** The first disk must be the root (virtio serial `effect-root`: the initramfs mounts that one). */
export const ROOT_SERIAL = 'effect-root';

const pidFiles = new Set<string>();

/**
 * Boots the layer's kernel and initramfs with these disks; the guest's serial console goes to
 * `serialLog`. Bounded by `timeoutMs` (the whole process group is killed). The guest ends the
 * boot itself by powering off (qemu -no-reboot exits then; a kernel panic exits too: panic=-1).
 * `nvme_core.multipath=N`: every NVMe namespace is a plain disk whose `device` is its controller,
 * as on EC2 (native multipath would put a subsystem head node in between for fabrics namespaces).
 */
export async function bootVm(o: { layer: VmLayer; disks: VmDisk[]; serialLog: string; timeoutMs: number }): Promise<RunResult> {
  const pidFile = `${o.serialLog}.pid`;
  pidFiles.add(pidFile);
  const args = [
    '-machine', 'q35', '-accel', 'tcg', '-cpu', 'max', '-smp', '1', '-m', '1024',
    '-display', 'none', '-monitor', 'none', '-serial', `file:${o.serialLog}`, '-nic', 'none', '-no-reboot', '-pidfile', pidFile,
    '-kernel', o.layer.kernel, '-initrd', o.layer.initramfs,
    '-append', 'console=ttyS0 panic=-1 quiet mitigations=off nvme_core.multipath=N',
  ];
  o.disks.forEach((d, i) => {
    args.push('-drive', `file=${d.file},if=none,id=disk${i},format=raw`);
    args.push('-device', d.bus === 'virtio' ? `virtio-blk-pci,drive=disk${i},serial=${d.serial}` : `nvme,drive=disk${i},serial=${d.serial}`);
  });
  const r = await run('qemu-system-x86_64', args, { timeoutMs: o.timeoutMs });
  pidFiles.delete(pidFile);
  return r;
}

/** Kills every qemu this process started that is still running (by its pid file). */
export function killVms(): void {
  for (const f of pidFiles) {
    try {
      const pid = Number(fs.readFileSync(f, 'utf8').trim());
      if (pid > 0 && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('qemu-system')) process.kill(pid, 'SIGKILL');
    } catch { /* gone */ }
  }
  pidFiles.clear();
}

/** An ext4 image of `dir` (a sparse file; mkfs.ext4 -d copies the tree with owners and modes). */
export async function rootImage(dir: string, image: string, sizeMiB = 3072): Promise<void> {
  fs.rmSync(image, { force: true });
  await runOk('truncate', ['-s', `${sizeMiB}M`, image], { timeoutMs: 10_000 });
  await runOk('mkfs.ext4', ['-q', '-F', '-L', 'effect-root', '-d', dir, image], { timeoutMs: 300_000 });
}

/** Copies a directory out of an ext4 image (debugfs rdump: read-only, no mount). */
export async function readFromImage(image: string, guestDir: string, dest: string): Promise<void> {
  fs.mkdirSync(dest, { recursive: true });
  await runOk('debugfs', ['-R', `rdump ${guestDir} ${dest}`, image], { timeoutMs: 60_000 });
}

function write(root: string, p: string, text: string, mode = 0o644): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

function enable(root: string, unit: string, target = 'multi-user.target'): void {
  const wants = path.join(root, 'etc/systemd/system', `${target}.wants`);
  fs.mkdirSync(wants, { recursive: true });
  fs.symlinkSync(`/etc/systemd/system/${unit}`, path.join(wants, unit));
}

/**
 * Vendor units shaped like Fedora CoreOS's with Debian's real engine: docker.service as moby-engine
 * ships it (Type=notify, `dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS`),
 * Debian's docker.socket and containerd.service, FCOS's binary paths as links to Debian's
 * (the payload's OPTIONS name /usr/libexec/docker/docker-{init,proxy}), a recording restorecon
 * (FCOS has policycoreutils) and the `disable *` vendor preset both OSes end with.
 */
export function writeFcosDockerUnits(root: string): void {
  write(root, 'usr/lib/systemd/system/docker.service', `[Unit]
Description=Docker Application Container Engine
After=network-online.target docker.socket containerd.service
Wants=network-online.target containerd.service
Requires=docker.socket

[Service]
Type=notify
ExecStart=/usr/bin/dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS
ExecReload=/bin/kill -s HUP $MAINPID
TimeoutStartSec=0
Delegate=yes
KillMode=process

[Install]
WantedBy=multi-user.target
`);
  fs.symlinkSync('/usr/sbin/dockerd', path.join(root, 'usr/bin/dockerd'));
  fs.mkdirSync(path.join(root, 'usr/libexec/docker'), { recursive: true });
  fs.symlinkSync('/usr/bin/docker-init', path.join(root, 'usr/libexec/docker/docker-init'));
  fs.symlinkSync('/usr/sbin/docker-proxy', path.join(root, 'usr/libexec/docker/docker-proxy'));
  write(root, 'usr/sbin/restorecon', '#!/bin/sh\necho "$*" >>/var/log/fake-restorecon\n', 0o755);
  write(root, 'usr/lib/systemd/system-preset/99-default-disable.preset', 'disable *\n');
}

/** Units whose state the probe records. */
export const VM_PROBED_UNITS = ['docker-fleet-data-volume.service', 'var-lib-docker.mount', 'docker.service', 'containerd.service',
  'systemd-udevd.service', 'systemd-udev-trigger.service'];

/**
 * The probe: a unit ordered after multi-user.target, Docker and the data-volume units. It
 * records unit states, what is mounted at /var/lib/docker, every disk's identity (virtio serial,
 * NVMe model and serial, file-system label and UUID), the by-label links, what dockerd saw (a real
 * dockerd: its root dir and where that is mounted from; the recorder: its note), the marker file's
 * content (then writes `marker` there when given), the journal; then syncs and powers off.
 */
export function writeVmProbe(root: string, o: { marker?: string; realDocker: boolean }): void {
  write(root, 'usr/local/sbin/effect-probe', `#!/bin/bash
out=/var/log/effect
mkdir -p "$out"
for u in ${VM_PROBED_UNITS.join(' ')}; do
  systemctl show "$u" -p ActiveState,SubState,Result,ConditionResult,ConditionTimestampMonotonic,ActiveEnterTimestampMonotonic,InactiveExitTimestampMonotonic >"$out/$u.show"
done
findmnt -n -P -o SOURCE,FSTYPE,LABEL --mountpoint /var/lib/docker >"$out/mount" 2>/dev/null
for b in /sys/block/vd* /sys/block/nvme*; do
  [ -e "$b" ] || continue
  n=\${b##*/}
  model=$(cat "$b/device/model" 2>/dev/null | sed 's/ *$//')
  serial=$(cat "$b/serial" 2>/dev/null || cat "$b/device/serial" 2>/dev/null | sed 's/ *$//')
  label=$(blkid -p -o value -s LABEL "/dev/$n" 2>/dev/null)
  uuid=$(blkid -p -o value -s UUID "/dev/$n" 2>/dev/null)
  printf '%s\\t%s\\t%s\\t%s\\t%s\\n' "/dev/$n" "$serial" "$model" "$label" "$uuid"
done >"$out/disks"
ls /dev/disk/by-label >"$out/by-label" 2>&1
${o.realDocker
    ? `docker info --format '{{.DockerRootDir}}' >"$out/docker-root" 2>&1
findmnt -n -o SOURCE --target "$(cat "$out/docker-root")" >"$out/docker-root-source" 2>&1`
    : 'for i in $(seq 1 30); do [ -s /run/effect-dockerd-view ] && break; sleep 1; done\ncp /run/effect-dockerd-view "$out/dockerd-view"'}
cat /var/lib/docker/effect-marker >"$out/marker-found" 2>/dev/null
${o.marker ? `echo '${o.marker}' >/var/lib/docker/effect-marker\n` : ''}systemctl --failed --no-legend --plain >"$out/failed"
journalctl -b --no-pager -o short-monotonic >"$out/journal"
journalctl -b --no-pager -o cat -u docker-fleet-data-volume.service >"$out/prepare.log"
echo "effect-probe: done" >/dev/console
sync
systemctl poweroff --no-block
`, 0o755);
  write(root, 'etc/systemd/system/effect-probe.service', `[Unit]
Description=effect-test probe
After=multi-user.target docker.service var-lib-docker.mount docker-fleet-data-volume.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/effect-probe
`);
  enable(root, 'effect-probe.service');
}

/** The data disk's model on EC2 for EBS volumes on Nitro instances (NVMe Identify Controller MN). */
export const EBS_MODEL = 'Amazon Elastic Block Store';
const EBS_NQN = 'nqn.2014-08.org.example:effect-ebs';
/** A virtio disk whose ext4 file system (this label) holds the EBS-like volume's backing file. */
export const EBS_STORE_LABEL = 'effect-store';
export const EBS_STORE_SERIAL = 'effect-store';

/**
 * An NVMe disk whose model is `Amazon Elastic Block Store`, attached while the host boots, like an
 * EBS volume: qemu's NVMe controller reports the fixed model "QEMU NVMe Ctrl" (hw/nvme/ctrl.c,
 * no property sets it), so the guest's own NVMe target (Linux nvmet: drivers/nvme/target/configfs.c,
 * the subsystem's `attr_model`) exports a file over NVMe/TCP on 127.0.0.1 and the guest's NVMe host
 * driver connects to it (drivers/nvme/host/fabrics.c: the options written to /dev/nvme-fabrics). The
 * kernel then has a real NVMe controller whose Identify Controller data carries that model number,
 * read through the same /sys/block/nvmeXnY/device/model attribute as on EC2 (drivers/nvme/host/core.c). The unit waits until the data-volume unit
 * is running, then attaches: the disk appears while the unit looks for it (an EBS volume attached
 * after launch). The backing file lives on the `effect-store` virtio disk, so it survives a
 * re-provisioned (fresh) root. Stopped (detached) before the store is unmounted at power-off.
 */
export function writeEbsAttachUnit(root: string, o: { delaySeconds: number }): void {
  const S = `/sys/kernel/config/nvmet/subsystems/${EBS_NQN}`;
  const P = '/sys/kernel/config/nvmet/ports/1';
  write(root, 'usr/local/sbin/effect-ebs', `#!/bin/sh
set -eu
S=${S}
P=${P}
if [ "$1" = detach ]; then
  for c in /sys/class/nvme/nvme*; do [ "$(cat "$c/subsysnqn" 2>/dev/null)" = ${EBS_NQN} ] && echo 1 >"$c/delete_controller"; done
  rm -f "$P/subsystems/${EBS_NQN}"; rmdir "$P" 2>/dev/null || true
  echo 0 >"$S/namespaces/1/enable" 2>/dev/null || true; rmdir "$S/namespaces/1" "$S" 2>/dev/null || true
  exit 0
fi
i=0
while [ "$(systemctl show -P ActiveState docker-fleet-data-volume.service)" != activating ] && [ $i -lt 600 ]; do sleep 0.2; i=$((i + 1)); done
echo "effect-ebs: docker-fleet-data-volume.service is $(systemctl show -P ActiveState docker-fleet-data-volume.service); attaching in ${o.delaySeconds} s"
sleep ${o.delaySeconds}
[ -e /run/effectstore/ebs.img ] || truncate -s 512M /run/effectstore/ebs.img
modprobe nvmet-tcp
modprobe nvme-tcp
mountpoint -q /sys/kernel/config || mount -t configfs configfs /sys/kernel/config
mkdir "$S"
echo 1 >"$S/attr_allow_any_host"
echo '${EBS_MODEL}' >"$S/attr_model"
echo vol0effect >"$S/attr_serial"
mkdir "$S/namespaces/1"
echo /run/effectstore/ebs.img >"$S/namespaces/1/device_path"
echo 1 >"$S/namespaces/1/enable"
mkdir "$P"
echo tcp >"$P/addr_trtype"; echo ipv4 >"$P/addr_adrfam"; echo 127.0.0.1 >"$P/addr_traddr"; echo 4420 >"$P/addr_trsvcid"
ln -s "$S" "$P/subsystems/"
echo "transport=tcp,traddr=127.0.0.1,trsvcid=4420,nqn=${EBS_NQN}" >/dev/nvme-fabrics
echo "effect-ebs: attached"
`, 0o755);
  write(root, 'etc/systemd/system/run-effectstore.mount', `[Unit]
Description=effect-test: the disk holding the EBS-like volume's backing file

[Mount]
What=LABEL=${EBS_STORE_LABEL}
Where=/run/effectstore
Type=ext4
`);
  write(root, 'etc/systemd/system/effect-ebs.service', `[Unit]
Description=effect-test: attach an NVMe disk with the EBS model while the data-volume unit waits
DefaultDependencies=no
RequiresMountsFor=/run/effectstore
Before=var-lib-docker.mount shutdown.target
Conflicts=shutdown.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/effect-ebs attach
ExecStop=/usr/local/sbin/effect-ebs detach
`);
  enable(root, 'effect-ebs.service');
}

/**
 * A dockerd stand-in that records what is mounted at /var/lib/docker when the OS's docker.service
 * starts it (its data root: dockerd's default, which the payload leaves as it is), then idles.
 */
export function writeDockerdRecorder(root: string): void {
  write(root, 'usr/bin/dockerd', '#!/bin/sh\nfindmnt -n -P -o SOURCE,FSTYPE,LABEL --target /var/lib/docker >/run/effect-dockerd-view\nexec sleep infinity\n', 0o755);
}

/** `systemctl show` output as a record. */
export function readProps(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
    const i = l.indexOf('=');
    if (i > 0) out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}

/** `findmnt -P` output (KEY="value" …) as a record; empty when nothing is mounted. */
export function readPairs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const m of text.matchAll(/([A-Z]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

export interface GuestDisk { readonly dev: string; readonly serial: string; readonly model: string; readonly label: string; readonly uuid: string }

/** The probe's disk list. */
export function readDisks(file: string): GuestDisk[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l).map((l) => {
    const [dev, serial, model, label, uuid] = l.split('\t');
    return { dev, serial, model, label, uuid };
  });
}

