/**
 * The Docker data volume in a real VM: qemu (TCG, no KVM) boots Debian's kernel with systemd as
 * PID 1 and udev, from a fresh root image per boot into which Debian's real Ignition applied the
 * library's payload (a real `renderFirstBoot` for Fedora CoreOS), so the library's own units and
 * script decide, format and mount, ordered against the real systemd-udevd. Layers: kernel, busybox
 * initramfs and root are cached outside the repo (scripts/effect-vm-layer.sh).
 *
 * The initramfs runs no udev: when systemd starts, the kernel knows the disks but no udev rule has
 * run for them yet (no /dev/disk/by-label links). Fedora CoreOS and Flatcar run udev in their
 * initramfs, so there the links exist for disks present at boot; the state here is that of a disk
 * the kernel registered moments before (an EBS volume attached after launch), which the EBS
 * sequence also produces for real by attaching its disk while the data-volume unit waits.
 *
 * Two sequences run at once, each a first boot and a re-provisioned boot (a fresh root image, the
 * same data disk):
 *   virtio: one blank virtio disk, a HostConfig `dockerDataVolume` found at boot (any blank disk);
 *           the re-provisioned boot runs a real dockerd (Debian's docker.io in Fedora CoreOS's
 *           unit shape, with the payload's options and daemon.json);
 *   EBS:    the AWS fleet's render (`dockerDataVolume: true`: found by the EBS model), a blank qemu
 *           NVMe disk (model "QEMU NVMe Ctrl") it must not touch, and an NVMe disk whose model is
 *           "Amazon Elastic Block Store" attached late (test/helpers/effect-vm.ts says how).
 * Elsewhere dockerd is a stand-in that records what is mounted at /var/lib/docker when the OS's
 * docker.service starts it (a real dockerd costs 40-70 s per boot under TCG).
 * Expectations come from the HostConfig's inputs (label, file system) and Docker's own data root.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs, DataVolumeFileSystem, HostConfig } from '../../lib';
import { TOOLS, rmrf, run, runOk, scratch } from '../helpers/effect';
import { addOsUsers, applyIgnition, writeVendorUnits } from '../helpers/effect-ignition';
import {
  EBS_MODEL, EBS_STORE_LABEL, EBS_STORE_SERIAL, GuestDisk, ROOT_SERIAL, VmDisk, VmLayer, bootVm, killVms, readDisks, readFromImage, readPairs,
  readProps, rootImage, vmLayer, writeDockerdRecorder, writeEbsAttachUnit, writeFcosDockerUnits, writeVmProbe,
} from '../helpers/effect-vm';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.systemctl, TOOLS.systemdAnalyze, TOOLS.qemu, TOOLS.debugfs, TOOLS.mkfsExt4, TOOLS.blkid,
  TOOLS.aptGet, TOOLS.dpkgDeb, TOOLS.busybox];
/** One boot under TCG on a loaded 2-core machine: 1–2.5 min; bounded well above that. */
const BOOT_TIMEOUT_MS = 480_000;
jest.setTimeout(1_800_000);

/** What the user asked for. */
const VIRTIO_VOLUME = { label: 'fleet-data', fileSystem: DataVolumeFileSystem.EXT4 };
const EBS_VOLUME = { label: 'ebs-data', fileSystem: DataVolumeFileSystem.EXT4 };
/** dockerd's default data root (dockerd(8) --data-root); the payload does not move it. */
const DOCKER_DATA_ROOT = '/var/lib/docker';
const DATA_SERIAL = 'effect-data';
const DECOY_SERIAL = 'effect-decoy';
/** qemu's NVMe controller model (hw/nvme/ctrl.c: fixed, no property sets it). */
const QEMU_NVME_MODEL = 'QEMU NVMe Ctrl';

let work: string;
let layer: VmLayer;
afterAll(() => {
  killVms();
  if (work && !process.env.EFFECT_KEEP) rmrf(work);
});

interface Boot {
  /** the guest's findings (the probe's /var/log/effect) */
  readonly out: string;
  readonly serial: string;
  readonly code: number | null;
  readonly ms: number;
  /** systemd-analyze verify of the payload's units in the root this boot used */
  readonly verify: string;
}

interface RootOptions {
  readonly marker?: string;
  /** Debian's dockerd in FCOS's unit shape, or a stand-in that records what it found mounted */
  readonly realDocker: boolean;
  readonly ebs?: boolean;
}

/** A fresh root image: the layer's root, the OS's users and vendor units, the payload applied by Ignition, the probe. */
async function prepareRoot(name: string, payload: string, o: RootOptions): Promise<{ image: string; verify: string }> {
  const dir = path.join(work, `${name}.root`);
  fs.mkdirSync(dir);
  await runOk('cp', ['-a', `${layer.root}/.`, dir], { timeoutMs: 300_000 });
  await addOsUsers(dir);
  if (o.realDocker) {
    writeFcosDockerUnits(dir);
  } else {
    writeVendorUnits(dir, { daemons: true, os: 'fcos' });
    writeDockerdRecorder(dir);
  }
  await applyIgnition(dir, payload, path.join(work, `${name}.ignition`));
  // the units Ignition wrote (regular files; the layer's masks are links to /dev/null)
  const units = path.join(dir, 'etc/systemd/system');
  const written = fs.readdirSync(units).filter((u) => /\.(service|mount)$/.test(u) && fs.lstatSync(path.join(units, u)).isFile()).map((u) => `/etc/systemd/system/${u}`);
  const v = await run('systemd-analyze', ['verify', `--root=${dir}`, '--man=no', ...written], { timeoutMs: 60_000 });
  writeVmProbe(dir, { marker: o.marker, realDocker: o.realDocker });
  if (o.ebs) writeEbsAttachUnit(dir, { delaySeconds: 3 });
  // Bound the power-off: a unit that ignores SIGTERM must not hold the boot for 90 s.
  fs.mkdirSync(path.join(dir, 'etc/systemd/system.conf.d'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'etc/systemd/system.conf.d/effect.conf'), '[Manager]\nDefaultTimeoutStopSec=15s\n');
  // The presets (Ignition's 20-ignition.preset), applied as systemd applies them at first boot
  // (enable-only: src/core/manager.c manager_preset_all), here before the boot: under TCG the
  // first-boot pass over every unit file costs 10-30 s. The boot itself is then not a first boot.
  await runOk('systemctl', [`--root=${dir}`, 'preset-all', '--preset-mode=enable-only'], { timeoutMs: 120_000 });
  fs.writeFileSync(path.join(dir, 'etc/machine-id'), `${crypto.randomBytes(16).toString('hex')}\n`);
  const image = path.join(work, `${name}.img`);
  await rootImage(dir, image);
  rmrf(dir);
  return { image, verify: `rc=${v.code}\n${v.stdout}${v.stderr}` };
}

async function bootOnce(name: string, payload: string, o: RootOptions, disks: VmDisk[]): Promise<Boot> {
  const { image, verify } = await prepareRoot(name, payload, o);
  const serialLog = path.join(work, `${name}.serial`);
  const r = await bootVm({ layer, disks: [{ file: image, bus: 'virtio', serial: ROOT_SERIAL }, ...disks], serialLog, timeoutMs: BOOT_TIMEOUT_MS });
  const out = path.join(work, `${name}.out`);
  await readFromImage(image, '/var/log/effect', out);
  fs.rmSync(image, { force: true });
  const serial = fs.existsSync(serialLog) ? fs.readFileSync(serialLog, 'utf8') : '';
  // eslint-disable-next-line no-console
  console.log(`${name}: boot took ${r.ms} ms (qemu exit ${r.code ?? r.signal})`);
  return { out: path.join(out, 'effect'), serial, code: r.code, ms: r.ms, verify };
}

async function blkidExport(file: string): Promise<Record<string, string>> {
  const r = await run('blkid', ['-p', '-o', 'export', file], { timeoutMs: 30_000 });
  return Object.fromEntries(r.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const text = (b: Boot, f: string) => (fs.existsSync(path.join(b.out, f)) ? fs.readFileSync(path.join(b.out, f), 'utf8') : '');
const props = (b: Boot, unit: string) => readProps(path.join(b.out, `${unit}.show`));
const disks = (b: Boot) => readDisks(path.join(b.out, 'disks'));
const mounted = (b: Boot) => readPairs(path.join(b.out, 'mount'));
const disk = (b: Boot, pick: (d: GuestDisk) => boolean) => {
  const d = disks(b).find(pick);
  if (!d) throw new Error(`no such disk in the guest:\n${text(b, 'disks')}`);
  return d;
};
/** The boot reached the probe and powered off by itself (else: the serial console's tail). */
function expectCompleted(b: Boot): void {
  expect({ code: b.code, probe: fs.existsSync(path.join(b.out, 'journal')), tail: b.code === 0 ? '' : b.serial.slice(-3000) })
    .toEqual({ code: 0, probe: true, tail: '' });
}

const MARKER_VIRTIO = `virtio-${crypto.randomBytes(8).toString('hex')}`;
const MARKER_EBS = `ebs-${crypto.randomBytes(8).toString('hex')}`;

interface VirtioRun { first: Boot; second: Boot; afterFirst: Record<string, string>; afterSecond: Record<string, string>; dataFiles: string }
interface EbsRun { first: Boot; second: Boot; decoyBefore: string; decoyAfter: string }
let virtio: Promise<VirtioRun> | undefined;
let ebs: Promise<EbsRun> | undefined;

async function virtioSequence(): Promise<VirtioRun> {
  const payload = ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig({ dockerDataVolume: VIRTIO_VOLUME })).content;
  const data = path.join(work, 'virtio-data.img');
  await runOk('truncate', ['-s', '512M', data], { timeoutMs: 10_000 });
  const attached: VmDisk[] = [{ file: data, bus: 'virtio', serial: DATA_SERIAL }];
  const first = await bootOnce('virtio-1', payload, { marker: MARKER_VIRTIO, realDocker: false }, attached);
  const afterFirst = await blkidExport(data);
  const second = await bootOnce('virtio-2', payload, { realDocker: true }, attached);
  const afterSecond = await blkidExport(data);
  const ls = await run('debugfs', ['-R', 'ls -p /', data], { timeoutMs: 30_000 });
  return { first, second, afterFirst, afterSecond, dataFiles: ls.stdout };
}

async function ebsSequence(): Promise<EbsRun> {
  // exactly what the AWS fleet deploys with dockerVolumeSizeGiB (the data disk found by its EBS model)
  const payload = ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig({ dockerDataVolume: EBS_VOLUME }), { dockerDataVolume: true }).content;
  const store = path.join(work, 'ebs-store.img');
  const decoy = path.join(work, 'qemu-nvme.img');
  await runOk('truncate', ['-s', '1G', store], { timeoutMs: 10_000 });
  await runOk('mkfs.ext4', ['-q', '-L', EBS_STORE_LABEL, store], { timeoutMs: 60_000 });
  await runOk('truncate', ['-s', '256M', decoy], { timeoutMs: 10_000 });
  const decoyBefore = sha(decoy);
  const attached: VmDisk[] = [{ file: decoy, bus: 'nvme', serial: DECOY_SERIAL }, { file: store, bus: 'virtio', serial: EBS_STORE_SERIAL }];
  const first = await bootOnce('ebs-1', payload, { marker: MARKER_EBS, realDocker: false, ebs: true }, attached);
  const second = await bootOnce('ebs-2', payload, { realDocker: false, ebs: true }, attached);
  return { first, second, decoyBefore, decoyAfter: sha(decoy) };
}

describeWithTools(CHECKS)('the data volume in a real VM (qemu: Debian\'s kernel, systemd and udev)', () => {
  beforeAll(() => {
    if (CHECKS.some(([, c]) => !c.ok)) return;
    work = scratch('vm');
    layer = vmLayer();
    // both sequences at once (each qemu is one vCPU); the tests wait for what they read
    virtio = virtioSequence();
    ebs = ebsSequence();
    virtio.catch(() => { /* reported by the tests */ });
    ebs.catch(() => { /* reported by the tests */ });
  }, 1_800_000);
  beforeEach(() => requireTools(CHECKS));

  describe('a virtio disk (libvirt), found at boot as the one blank disk', () => {
    test('every unit the payload writes passes systemd-analyze verify in the root the VM boots, and no boot meets an ordering cycle', async () => {
      const { first, second } = await virtio!;
      expect(first.verify).toBe('rc=0\n');
      for (const b of [first, second]) expect(text(b, 'journal')).not.toMatch(/ordering cycle/i);
    });

    test('first boot formats the blank disk as ext4 with the label asked for and mounts it at /var/lib/docker before Docker starts', async () => {
      const { first: b, afterFirst } = await virtio!;
      expectCompleted(b);
      const data = disk(b, (d) => d.serial === DATA_SERIAL);
      expect(afterFirst).toMatchObject({ TYPE: VIRTIO_VOLUME.fileSystem, LABEL: VIRTIO_VOLUME.label });
      expect(mounted(b)).toEqual({ SOURCE: data.dev, FSTYPE: VIRTIO_VOLUME.fileSystem, LABEL: VIRTIO_VOLUME.label });
      expect(text(b, 'prepare.log')).toContain(`formatting blank disk ${data.dev} as ${VIRTIO_VOLUME.fileSystem} labelled ${VIRTIO_VOLUME.label}`);
      expect(text(b, 'by-label').split('\n')).toContain(VIRTIO_VOLUME.label);
      const mount = props(b, 'var-lib-docker.mount');
      expect(mount).toMatchObject({ ActiveState: 'active', ConditionResult: 'yes' });
      expect(Number(props(b, 'docker.service').InactiveExitTimestampMonotonic)).toBeGreaterThanOrEqual(Number(mount.ActiveEnterTimestampMonotonic));
      // what docker.service's dockerd found at its data root when it started
      expect(readPairs(path.join(b.out, 'dockerd-view'))).toEqual({ SOURCE: data.dev, FSTYPE: VIRTIO_VOLUME.fileSystem, LABEL: VIRTIO_VOLUME.label });
      expect(props(b, 'docker-fleet-data-volume.service')).toMatchObject({ ActiveState: 'active', Result: 'success' });
      expect(text(b, 'failed')).toBe('');
    });

    test('re-provisioned (a fresh root image, the same disk) mounts the labelled disk again without formatting it and keeps its data', async () => {
      const { second: b, afterFirst, afterSecond } = await virtio!;
      expectCompleted(b);
      const data = disk(b, (d) => d.serial === DATA_SERIAL);
      expect(afterSecond.UUID).toBe(afterFirst.UUID);
      expect(text(b, 'prepare.log')).toContain(`found file system labelled ${VIRTIO_VOLUME.label}`);
      expect(text(b, 'prepare.log')).not.toContain('formatting');
      expect(props(b, 'var-lib-docker.mount')).toMatchObject({ ActiveState: 'active', ConditionResult: 'yes' });
      expect(mounted(b)).toEqual({ SOURCE: data.dev, FSTYPE: VIRTIO_VOLUME.fileSystem, LABEL: VIRTIO_VOLUME.label });
      expect(text(b, 'marker-found').trim()).toBe(MARKER_VIRTIO);
      expect(text(b, 'failed')).toBe('');
    });

    test('re-provisioned, a real dockerd (FCOS\'s unit, the payload\'s options) keeps its data root on that disk', async () => {
      const { second: b, dataFiles } = await virtio!;
      const data = disk(b, (d) => d.serial === DATA_SERIAL);
      expect(props(b, 'docker.service')).toMatchObject({ ActiveState: 'active' });
      expect(text(b, 'docker-root').trim()).toBe(DOCKER_DATA_ROOT);
      expect(text(b, 'docker-root-source').trim()).toBe(data.dev);
      // what dockerd wrote is on the data disk itself (its image read on this machine after power-off)
      expect(dataFiles).toMatch(/\/image\//);
      expect(dataFiles).toMatch(/\/effect-marker\//);
    });
  });

  describe('an EBS-like NVMe disk attached while the host boots (the AWS render: found by its model)', () => {
    test('every unit the payload writes passes systemd-analyze verify in the root the VM boots, and no boot meets an ordering cycle', async () => {
      const { first, second } = await ebs!;
      expect(first.verify).toBe('rc=0\n');
      for (const b of [first, second]) expect(text(b, 'journal')).not.toMatch(/ordering cycle/i);
    });

    test('first boot formats only the disk whose model is Amazon Elastic Block Store and mounts it; the QEMU NVMe disk stays untouched', async () => {
      const { first: b, decoyBefore, decoyAfter } = await ebs!;
      expectCompleted(b);
      // the disk appeared while the data-volume unit was already waiting for one
      expect(text(b, 'journal')).toContain('effect-ebs: docker-fleet-data-volume.service is activating');
      const volume = disk(b, (d) => d.model === EBS_MODEL);
      const decoy = disk(b, (d) => d.serial === DECOY_SERIAL);
      expect(volume.dev).toMatch(/^\/dev\/nvme\d+n1$/);
      expect(decoy).toMatchObject({ model: QEMU_NVME_MODEL, label: '' });
      expect(decoyAfter).toBe(decoyBefore);
      expect(volume).toMatchObject({ label: EBS_VOLUME.label });
      expect(mounted(b)).toEqual({ SOURCE: volume.dev, FSTYPE: EBS_VOLUME.fileSystem, LABEL: EBS_VOLUME.label });
      expect(text(b, 'prepare.log')).toContain(`formatting blank disk ${volume.dev} as ${EBS_VOLUME.fileSystem} labelled ${EBS_VOLUME.label}`);
      expect(readPairs(path.join(b.out, 'dockerd-view'))).toMatchObject({ SOURCE: volume.dev, LABEL: EBS_VOLUME.label });
      expect(text(b, 'failed')).toBe('');
    });

    test('re-provisioned with the same volume attached late again mounts it without formatting it and keeps its data', async () => {
      const { first, second: b } = await ebs!;
      expectCompleted(b);
      const volume = disk(b, (d) => d.model === EBS_MODEL);
      expect(volume.uuid).toBe(disk(first, (d) => d.model === EBS_MODEL).uuid);
      expect(text(b, 'prepare.log')).toContain(`found file system labelled ${EBS_VOLUME.label}`);
      expect(text(b, 'prepare.log')).not.toContain('formatting');
      expect(props(b, 'var-lib-docker.mount')).toMatchObject({ ActiveState: 'active', ConditionResult: 'yes' });
      expect(mounted(b)).toEqual({ SOURCE: volume.dev, FSTYPE: EBS_VOLUME.fileSystem, LABEL: EBS_VOLUME.label });
      expect(text(b, 'marker-found').trim()).toBe(MARKER_EBS);
      expect(readPairs(path.join(b.out, 'dockerd-view'))).toMatchObject({ SOURCE: volume.dev });
      expect(text(b, 'failed')).toBe('');
    });
  });
});
