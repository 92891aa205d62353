/**
 * Block devices, for real: the first-boot data-volume script (lib/bootconfig/data-volume-script.ts)
 * runs against file-backed loop devices inside `unshare --mount`, with a private /dev and a
 * private view of /sys/block in which each loop device appears as a plain disk (`vdb`, `vdc`…)
 * whose attributes (size, ro, removable, partitions) are copied from the real loop device, so
 * the script's discovery, blkid, wipefs and mkfs act on real block devices and never see this
 * machine's own disks. Every loop device is detached by a trap in the case's shell and again in
 * afterAll (losetup -j on each image), even when a test fails.
 * No udev runs there (as on Alpine with busybox mdev); where a case needs one, a udevadm stand-in
 * and a socket at /run/udev/control (in the namespace's own /run) play it. Alpine's first-boot
 * command runs with overlays on /etc and /var/lib, so this machine's stay untouched.
 * Every refusal asserts the exit code and the whole log, so a changed exit status or reason fails.
 * The real boot ordering against systemd-udevd is in data-volume-vm.test.ts.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parse } from 'yaml';
import { ContainerOs, HostConfig } from '../../lib';
import { renderDataVolumeScript } from '../../lib/bootconfig/data-volume-script';
import { DataVolumeModel } from '../../lib/bootconfig/model';
import { describeWithTools, requireTools } from '../helpers/tools';
import { TOOLS, rmrf, run, scratch, effectRoot } from '../helpers/effect';

const CHECKS = [TOOLS.root, TOOLS.unshare, TOOLS.losetup, TOOLS.wipefs, TOOLS.sfdisk, TOOLS.mkfsExt4, TOOLS.mkfsXfs, TOOLS.shellcheck, TOOLS.python3,
  TOOLS.busybox];

const EXT4: DataVolumeModel = { label: 'docker-data', fileSystem: 'ext4', mountPoint: '/var/lib/docker' };
const XFS: DataVolumeModel = { label: 'docker-data', fileSystem: 'xfs', mountPoint: '/var/lib/docker' };

/** How a disk image is prepared before it is attached. */
type Disk =
  | { kind: 'blank' }
  | { kind: 'ext4'; label: string }
  | { kind: 'ext4+iso9660'; label: string }
  | { kind: 'gpt'; partName: string; ext4: boolean }
  | { kind: 'xfs'; label: string }
  | { kind: 'unopenable' };

interface Outcome {
  readonly code: number | null;
  readonly log: string;
  /** per disk: sha256 of the image before and after, and `blkid -p -o export` after */
  readonly disks: Array<{ before: string; after: string; probe: string }>;
  /** the stand-in udevadm's calls, one per line (`udev` runs only) */
  readonly udevadm: string;
  /** the /dev/disk/by-label links after the run, `NAME -> TARGET` per line */
  readonly byLabel: string;
  /** Alpine runs: `findmnt -P` of /var/lib/docker after the first-boot command, and `ls -A` of it */
  readonly mounted: string;
  readonly listing: string;
}

/**
 * The first disk as the script may name it: blkid -L scans the kernel's block devices, which
 * include the loop device the harness also shows as /dev/vdb.
 */
const DISK = '(/dev/vdb|/dev/loop[0-9]+)';
/** The script's whole log when it finds the disk labelled docker-data (the disk's name captured). */
const FOUND = new RegExp(`^docker-fleet data volume: found file system labelled docker-data on ${DISK}\n$`);
/** The log line the script ends with when no disk qualifies (it exits 0: Docker on the root disk). */
const NO_DISK = (seconds: number) => `docker-fleet data volume: WARNING: no blank data disk appeared after ${seconds} s; Docker stays on the root disk\n`;

/**
 * A udevadm stand-in and a socket at /run/udev/control (how the script tells that udev runs).
 * `links-on-change`: like udev's blkid builtin and 60-persistent-storage.rules, a change event for
 * a disk (`trigger --name-match=DEV`) writes /dev/disk/by-label/LABEL for the label on it; before
 * that no link exists (a disk udev has not probed yet). `no-links`: udev never writes one.
 */
type FakeUdev = 'links-on-change' | 'no-links';
const FAKE_UDEVADM = `#!/bin/sh
echo "$*" >>"$EFFECT_UDEVADM_LOG"
[ "$1" = trigger ] && [ "$EFFECT_UDEV" = links-on-change ] || exit 0
for a in "$@"; do case "$a" in --name-match=*) dev=\${a#--name-match=} ;; esac; done
label=$(blkid -p -o value -s LABEL "$dev") || exit 0
[ -n "$label" ] && mkdir -p /dev/disk/by-label && ln -sf "$dev" "/dev/disk/by-label/$label"
exit 0
`;

let work: string;
beforeAll(() => { work = scratch('disks'); });
afterAll(async () => {
  // Belt and braces: whatever happened, no loop device stays attached to our images.
  for (const f of fs.existsSync(work) ? fs.readdirSync(work) : []) {
    if (!f.endsWith('.img')) continue;
    const r = await run('losetup', ['-j', path.join(work, f)], { timeoutMs: 10_000 });
    for (const line of r.stdout.split('\n')) {
      const dev = line.split(':')[0];
      if (dev) await run('losetup', ['-d', dev], { timeoutMs: 10_000 });
    }
  }
  rmrf(work);
});

function sha(p: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

let caseNo = 0;
/**
 * Prepares the images, attaches them, builds the private /dev and /sys/block view, runs the
 * script (`shell`: dash, or busybox ash from the effect root) and reports.
 */
async function runScript(disks: Disk[], volume: DataVolumeModel,
  opts: { shell?: string; waitSeconds?: number; udev?: FakeUdev; alpineCommand?: string; scriptText?: string } = {}): Promise<Outcome> {
  const dir = path.join(work, `case${caseNo++}`);
  fs.mkdirSync(dir);
  const script = path.join(dir, 'prepare-data-volume');
  fs.writeFileSync(script, opts.scriptText ?? renderDataVolumeScript(volume), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'udevadm'), FAKE_UDEVADM, { mode: 0o755 });
  if (opts.alpineCommand) fs.writeFileSync(path.join(dir, 'alpine-command'), opts.alpineCommand);
  const content = path.join(dir, 'content');
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(content, 'precious.txt'), 'container data that must survive\n'.repeat(100));
  const prep: string[] = [];
  disks.forEach((d, i) => {
    const img = path.join(work, `case${caseNo - 1}-disk${i}.img`);
    const sz = d.kind === 'xfs' || volume.fileSystem === 'xfs' ? '320M' : '64M';
    prep.push(`truncate -s ${sz} ${img}`);
    switch (d.kind) {
      case 'blank': case 'unopenable': break;
      case 'ext4': prep.push(`mkfs.ext4 -q -F -L ${d.label} -d ${content} ${img}`); break;
      case 'ext4+iso9660':
        prep.push(`mkfs.ext4 -q -F -L ${d.label} -d ${content} ${img}`);
        // An ISO 9660 primary volume descriptor (ECMA-119 8.4: type 1, "CD001", version 1) at
        // sector 16: a stray second signature, so the probe is ambivalent.
        prep.push(`printf '\\001CD001\\001' | dd of=${img} bs=1 seek=32768 conv=notrunc status=none`);
        break;
      case 'gpt':
        // a GPT with one partition (sfdisk starts it at 1 MiB), with or without ext4 + data in it
        prep.push(`printf 'label: gpt\\nsize=32M, name=${d.partName}\\n' | sfdisk -q ${img}`);
        if (d.ext4) {
          prep.push(`truncate -s 32M ${img}.part`, `mkfs.ext4 -q -F -L app -d ${content} ${img}.part`,
            `dd if=${img}.part of=${img} bs=1M seek=1 conv=notrunc status=none`, `rm ${img}.part`);
        }
        break;
      case 'xfs': prep.push(`mkfs.xfs -q -f -L ${d.label} ${img}`); break;
    }
  });
  const imgs = disks.map((_, i) => path.join(work, `case${caseNo - 1}-disk${i}.img`));
  await run('bash', ['-euc', prep.join('\n')], { timeoutMs: 60_000 }).then((r) => { if (r.code !== 0) throw new Error(r.stderr); });
  const before = imgs.map(sha);
  const shell = opts.shell ?? '/bin/dash';
  const names = disks.map((_, i) => `vd${String.fromCharCode(98 + i)}`);
  const harness = `
set -eu
loops=()
cleanup() { for l in "\${loops[@]}"; do losetup -d "$l" 2>/dev/null || true; done; }
trap cleanup EXIT
kinds=(${disks.map((d) => d.kind).join(' ')})
imgs=(${imgs.join(' ')})
names=(${names.join(' ')})
for i in "\${!imgs[@]}"; do
  [ "\${kinds[$i]}" = unopenable ] && { loops+=(""); continue; }
  loops+=("$(losetup -f --show -P "\${imgs[$i]}")")
  # losetup -P's partition scan does not always happen here; partx adds the partitions for sure
  partx -a "\${loops[$i]}" 2>/dev/null || true
done
# Read the real loop devices' sysfs attributes before /sys/block is covered.
stage=$(mktemp -d)
for i in "\${!imgs[@]}"; do
  l=\${loops[$i]}; [ -n "$l" ] || continue
  real=/sys/block/\${l#/dev/}; st=$stage/$i; mkdir -p "$st/parts"
  cp "$real/ro" "$real/removable" "$real/size" "$real/dev" "$st/"
  for p in "$real/\${l#/dev/}"p*; do [ -e "$p" ] && cp "$p/dev" "$st/parts/\${p##*p}"; done
done
mount -t tmpfs -o mode=755 effect-dev /dev
mount -t tmpfs effect-sys /sys/block
mount -t tmpfs effect-sysclass /sys/class/block
mount -t tmpfs effect-run /run
mknod -m 666 /dev/null c 1 3
# A block major no driver owns: opening it fails (ENXIO), like a disk that cannot be read.
free_major=$(awk '/^Block devices:/{b=1;next} b&&NF==2{print $1}' /proc/devices | sort -n | awk 'BEGIN{m=240} $1==m{m++} END{print m}')
for i in "\${!imgs[@]}"; do
  n=\${names[$i]}; l=\${loops[$i]}; s=/sys/block/$n
  mkdir -p "$s/holders"
  ln -s "$s" "/sys/class/block/$n"
  if [ -z "$l" ]; then
    echo 0 >"$s/ro"; echo 0 >"$s/removable"; echo 131072 >"$s/size"
    mknod "/dev/$n" b "$free_major" 0
    continue
  fi
  st=$stage/$i
  # libblkid's device scan (blkid -L) looks the loop device up in sysfs too: keep it visible.
  ln -s "/sys/devices/virtual/block/\${l#/dev/}" "/sys/block/\${l#/dev/}"
  ln -s "/sys/devices/virtual/block/\${l#/dev/}" "/sys/class/block/\${l#/dev/}"
  cp "$st/ro" "$st/removable" "$st/size" "$s/"
  mknod "/dev/$n" b $(tr ':' ' ' <"$st/dev")
  mknod "/dev/\${l#/dev/}" b $(tr ':' ' ' <"$st/dev")
  for p in "$st/parts/"*; do
    [ -e "$p" ] || continue
    k=\${p##*/}
    mkdir -p "$s/$n$k"; ln -s "$s/$n$k" "/sys/class/block/$n$k"
    mknod "/dev/$n$k" b $(tr ':' ' ' <"$p")
    mknod "/dev/\${l#/dev/}p$k" b $(tr ':' ' ' <"$p")
  done
done
rc=0
${opts.udev ? `mkdir -p /run/udev ${dir}/bin
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' /run/udev/control
cp ${dir}/udevadm ${dir}/bin/udevadm
export PATH=${dir}/bin:$PATH EFFECT_UDEV=${opts.udev} EFFECT_UDEVADM_LOG=${dir}/udevadm.calls
` : ''}${opts.alpineCommand ? `# Alpine's first boot: its command line, its /etc and /var/lib (overlays: this machine's stay
# untouched), busybox's mount as Alpine's /bin/mount (the script itself keeps util-linux's blkid).
mkdir -p ${dir}/ov/etc ${dir}/ov/etc.w ${dir}/ov/lib ${dir}/ov/lib.w ${dir}/bb
mount -t overlay effect-etc -o lowerdir=/etc,upperdir=${dir}/ov/etc,workdir=${dir}/ov/etc.w /etc
mount -t overlay effect-varlib -o lowerdir=/var/lib,upperdir=${dir}/ov/lib,workdir=${dir}/ov/lib.w /var/lib
install -D -m 0755 ${script} /etc/docker-fleet/prepare-data-volume
ln -s "$(command -v busybox)" ${dir}/bb/mount
DATA_DISK_WAIT_SECONDS=${opts.waitSeconds ?? 2} PATH=${dir}/bb:$PATH ${shell} -c "$(cat ${dir}/alpine-command)" 2>${dir}/log || rc=$?
findmnt -n -P -o SOURCE,FSTYPE,LABEL --mountpoint /var/lib/docker >${dir}/mounted || true
ls -A /var/lib/docker >${dir}/listing 2>&1 || true
umount /var/lib/docker 2>/dev/null || true
` : `DATA_DISK_WAIT_SECONDS=${opts.waitSeconds ?? 2} ${shell} ${script} 2>${dir}/log || rc=$?
`}echo "rc=$rc"
for l in /dev/disk/by-label/*; do [ -L "$l" ] && echo "\${l##*/} -> $(readlink "$l")"; done >${dir}/by-label
for i in "\${!imgs[@]}"; do
  echo "--- \${names[$i]}"
  [ -n "\${loops[$i]}" ] && { blkid -p -o export "/dev/\${names[$i]}" || true; }
done
`;
  const r = await run('unshare', ['--mount', '--propagation', 'private', 'bash', '-c', harness], { timeoutMs: 100_000 });
  if (!/^rc=\d+$/m.test(r.stdout)) throw new Error(`harness failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  const code = Number(/^rc=(\d+)$/m.exec(r.stdout)![1]);
  const probes = r.stdout.split(/^--- vd.\n/m).slice(1);
  const after = imgs.map(sha);
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : '');
  return {
    code,
    log: read('log'),
    disks: imgs.map((_, i) => ({ before: before[i], after: after[i], probe: probes[i] ?? '' })),
    udevadm: read('udevadm.calls'),
    byLabel: read('by-label'),
    mounted: read('mounted'),
    listing: read('listing'),
  };
}

function expectUntouched(o: Outcome, i: number): void {
  expect(o.disks[i].after).toBe(o.disks[i].before);
}

function expectFormatted(o: Outcome, i: number, fs: 'ext4' | 'xfs'): void {
  expect(o.disks[i].probe).toMatch(new RegExp(`^TYPE=${fs}$`, 'm'));
  expect(o.disks[i].probe).toMatch(/^LABEL=docker-data$/m);
}

describeWithTools(CHECKS)('data-volume script on real loop devices', () => {
  beforeEach(() => requireTools(CHECKS));

  test('passes shellcheck as POSIX sh for ext4 and xfs', async () => {
    for (const v of [EXT4, XFS, { ...EXT4, device: '/dev/xvdb' }]) {
      const f = path.join(work, 'sc.sh');
      fs.writeFileSync(f, renderDataVolumeScript(v, 'Amazon Elastic Block Store'));
      const r = await run('shellcheck', ['-s', 'sh', '-S', 'warning', f], { timeoutMs: 30_000 });
      expect(r.stdout).toBe('');
      expect(r.code).toBe(0);
    }
  });

  test('formats a blank disk as ext4 labelled docker-data', async () => {
    const o = await runScript([{ kind: 'blank' }], EXT4);
    expect(o.code).toBe(0);
    expect(o.log).toContain('formatting blank disk /dev/vdb as ext4');
    expectFormatted(o, 0, 'ext4');
  });

  test('formats a blank disk the same way when /bin/sh is busybox ash (Alpine)', async () => {
    const o = await runScript([{ kind: 'blank' }], EXT4, { shell: `${effectRoot()}/bin/busybox sh` });
    expect(o.code).toBe(0);
    expectFormatted(o, 0, 'ext4');
  });

  test('formats a blank disk as xfs when the volume asks for xfs', async () => {
    const o = await runScript([{ kind: 'blank' }], XFS);
    expect(o.code).toBe(0);
    expectFormatted(o, 0, 'xfs');
  });

  test('leaves a re-provisioned host\'s ext4 docker-data disk with its data alone', async () => {
    const o = await runScript([{ kind: 'ext4', label: 'docker-data' }], EXT4);
    expect(o.code).toBe(0);
    expect(o.log).toContain('found file system labelled docker-data');
    expectUntouched(o, 0);
  });

  test('leaves an xfs docker-data disk alone', async () => {
    const o = await runScript([{ kind: 'xfs', label: 'docker-data' }], XFS);
    expect(o.code).toBe(0);
    expectUntouched(o, 0);
  });

  // The refusals: the disk is no candidate, so after the wait the script says that no blank disk
  // appeared and exits 0 (Docker on the root disk), with nothing else in its log.
  test('never formats an ext4 disk with data under another label, and Docker stays on the root disk', async () => {
    const o = await runScript([{ kind: 'ext4', label: 'old-data' }], EXT4);
    expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: NO_DISK(2) });
    expectUntouched(o, 0);
  });

  test('never formats an ext4 disk with data that also carries a stray iso9660 signature (bug 2: ambivalent probe)', async () => {
    const o = await runScript([{ kind: 'ext4+iso9660', label: 'docker-data' }], EXT4);
    expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: NO_DISK(2) });
    expectUntouched(o, 0);
  });

  test('never formats a disk that cannot be opened (bug 2: unreadable is not blank)', async () => {
    const o = await runScript([{ kind: 'unopenable' }], EXT4);
    expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: NO_DISK(2) });
  });

  test('never formats a partitioned disk with ext4 and data in its partition', async () => {
    const o = await runScript([{ kind: 'gpt', partName: 'app', ext4: true }], EXT4);
    expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: NO_DISK(2) });
    expectUntouched(o, 0);
  });

  test('never formats a disk whose only GPT partition is named docker-data and holds no file system', async () => {
    const o = await runScript([{ kind: 'gpt', partName: 'docker-data', ext4: false }], EXT4);
    expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: NO_DISK(2) });
    expectUntouched(o, 0);
  });

  test('fails on a fixed device that holds another file system, names it, and leaves it alone', async () => {
    const o = await runScript([{ kind: 'ext4', label: 'old-data' }], { ...EXT4, device: '/dev/vdb' });
    expect(o.code).toBe(1);
    expect(o.log).toMatch(/^docker-fleet data volume: \/dev\/vdb already holds a file system that is not labelled docker-data; leaving it alone .*; Docker stays on the root disk\n$/);
    expectUntouched(o, 0);
  });

  test('does not take a GPT partition named docker-data for the file system label, and formats the blank disk (bug 3)', async () => {
    const o = await runScript([{ kind: 'gpt', partName: 'docker-data', ext4: true }, { kind: 'blank' }], EXT4);
    expect(o.code).toBe(0);
    expect(o.log).not.toContain('found file system labelled');
    expectUntouched(o, 0);
    expectFormatted(o, 1, 'ext4');
  });

  test('without any data disk warns and exits 0 under dash and busybox ash, so Docker stays on the root disk (bug 4)', async () => {
    for (const shell of ['/bin/dash', `${effectRoot()}/bin/busybox sh`]) {
      const o = await runScript([], EXT4, { shell });
      expect([shell, o.code]).toEqual([shell, 0]);
      expect(o.log).toBe('docker-fleet data volume: WARNING: no blank data disk appeared after 2 s; Docker stays on the root disk\n');
    }
  });

  test('fails to choose between two blank disks and formats neither', async () => {
    const o = await runScript([{ kind: 'blank' }, { kind: 'blank' }], EXT4);
    expect(o.code).toBe(1);
    expect(o.log).toBe('docker-fleet data volume: more than one blank disk qualifies (/dev/vdb /dev/vdc); refusing to guess; Docker stays on the root disk\n');
    expectUntouched(o, 0);
    expectUntouched(o, 1);
  });

  // Where udev runs (a udevadm stand-in and its control socket): the mount unit's condition checks
  // /dev/disk/by-label/LABEL right after the script, so the script returns only once that exists.
  test('where udev runs, reports a labelled disk found only once udev wrote its by-label link, asking udev to probe the disk again', async () => {
    const o = await runScript([{ kind: 'ext4', label: 'docker-data' }], EXT4, { udev: 'links-on-change' });
    expect(o.code).toBe(0);
    expect(o.log).toMatch(FOUND);
    const dev = FOUND.exec(o.log)![1];
    expect(o.udevadm.split('\n')).toEqual(expect.arrayContaining(['settle --timeout=30', `trigger --action=change --name-match=${dev}`]));
    expect(o.byLabel).toBe(`docker-data -> ${dev}\n`);
    expectUntouched(o, 0);
  });

  test('where udev runs, after formatting a blank disk waits for its by-label link too', async () => {
    const o = await runScript([{ kind: 'blank' }], EXT4, { udev: 'links-on-change' });
    expect(o.code).toBe(0);
    expectFormatted(o, 0, 'ext4');
    expect(o.udevadm).toContain('trigger --action=change --name-match=/dev/vdb\n');
    expect(o.byLabel).toBe('docker-data -> /dev/vdb\n');
  });

  test('fails when udev runs but never writes the by-label link, naming the disk, instead of letting the mount be skipped', async () => {
    const o = await runScript([{ kind: 'ext4', label: 'docker-data' }], EXT4, { udev: 'no-links' });
    expect(o.code).toBe(1);
    expect(o.log).toMatch(new RegExp(`^docker-fleet data volume: ${DISK} holds the file system labelled docker-data but udev made no `
      + '/dev/disk/by-label/docker-data after 10 tries, so it would not be mounted; Docker stays on the root disk\n$'));
    expect(o.udevadm.split('\n').filter((c) => c.startsWith('trigger ')).length).toBe(9);
    expectUntouched(o, 0);
  });

  // Alpine: the script runs from the first-boot command (tiny-cloud/cloud-init runcmd), then busybox
  // mount mounts LABEL= from /etc/fstab. No udev: busybox mdev writes no by-label links the command
  // reads; blkid -L and busybox mount find the label by probing the disks, so a disk the kernel has
  // is found at once and nothing waits for a link (the harness has none).
  describe('on Alpine (no udev), the first-boot command as rendered', () => {
    const payload = () => parse(ContainerOs.alpine().renderFirstBoot(new HostConfig({ dockerDataVolume: {} })).content) as {
      runcmd: string[]; write_files: Array<{ path: string; content: string; encoding: string }>;
    };
    const command = () => payload().runcmd.find((c) => c.startsWith('/etc/docker-fleet/prepare-data-volume '))!;
    const script = () => zlib.gunzipSync(Buffer.from(payload().write_files.find((f) => f.path === '/etc/docker-fleet/prepare-data-volume')!.content, 'base64')).toString();
    const busyboxSh = () => `${effectRoot()}/bin/busybox sh`;

    test('mounts a re-provisioned disk by its label at /var/lib/docker with busybox mount', async () => {
      const o = await runScript([{ kind: 'ext4', label: 'docker-data' }], EXT4, { shell: busyboxSh(), alpineCommand: command(), scriptText: script() });
      expect(o.code).toBe(0);
      expect(o.log).toMatch(FOUND);
      expect(o.mounted).toMatch(/^SOURCE="\/dev\/(vdb|loop\d+)" FSTYPE="ext4" LABEL="docker-data"\n$/);
      expect(o.byLabel).toBe('');
      // the re-provisioned host's data (mounting changed the superblock's mount count, not the files)
      expect(o.listing.split('\n')).toContain('precious.txt');
    });

    test('formats a blank disk and mounts it at /var/lib/docker', async () => {
      const o = await runScript([{ kind: 'blank' }], EXT4, { shell: busyboxSh(), alpineCommand: command(), scriptText: script() });
      expect({ code: o.code, log: o.log }).toEqual({ code: 0, log: 'docker-fleet data volume: formatting blank disk /dev/vdb as ext4 labelled docker-data\n' });
      expectFormatted(o, 0, 'ext4');
      expect(o.mounted).toMatch(/^SOURCE="\/dev\/(vdb|loop\d+)" FSTYPE="ext4" LABEL="docker-data"\n$/);
    });
  });
});
