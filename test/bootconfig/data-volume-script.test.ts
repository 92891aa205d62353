/**
 * Which disk the data-volume script picks on AWS (no fixed device name), run for real by dash and
 * busybox sh over a fake sysfs block tree, with stand-ins for blkid/wipefs/dd/mkfs that report the
 * disks as blank (the blank-disk proof itself runs on real loop devices in test/effect/).
 * Nitro instances show EBS disks as NVMe with model "Amazon Elastic Block Store"; Xen instance
 * types (t2, m4, c4, ...) show them as xen-blkfront `xvd*` disks without a model, whose xenbus
 * device has devtype "vbd" (linux drivers/xen/xenbus/xenbus_probe.c, devtype_show).
 */
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultDataVolume } from '../../lib/bootconfig/docker-data-volume';
import { renderDataVolumeScript } from '../../lib/bootconfig/data-volume-script';
import { describeWithTools, findTool, requireTools } from '../helpers/tools';

const SHELLS = [['dash', findTool('dash')], ['busybox', findTool('busybox')]] as const;
const EBS = 'Amazon Elastic Block Store';

interface Disk { name: string; model?: string; devtype?: string; partitions?: boolean }

function pick(shell: readonly [string, { path?: string }], disks: Disk[]): { formatted: string[]; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'disk-pick.'));
  try {
    const sys = join(dir, 'sys');
    for (const d of disks) {
      const b = join(sys, d.name);
      mkdirSync(join(b, 'device'), { recursive: true });
      mkdirSync(join(b, 'holders'));
      writeFileSync(join(b, 'ro'), '0\n');
      writeFileSync(join(b, 'removable'), '0\n');
      writeFileSync(join(b, 'size'), '41943040\n');
      if (d.model !== undefined) writeFileSync(join(b, 'device', 'model'), `${d.model}\n`);
      if (d.devtype !== undefined) writeFileSync(join(b, 'device', 'devtype'), `${d.devtype}\n`);
      if (d.partitions) mkdirSync(join(b, `${d.name}1`));
    }
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'formatted');
    const fake = (name: string, body: string) => { writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`); chmodSync(join(bin, name), 0o755); };
    // util-linux blkid: -V names util-linux, -L finds no label, -p finds nothing (exit 2).
    fake('blkid', 'case "$1" in -V) echo "blkid from util-linux 2.38.1";; -L) exit 2;; -p) exit 2;; *) exit 2;; esac');
    fake('wipefs', 'exit 0');
    fake('dd', 'exit 0');
    fake('mkfs.ext4', `echo "$4" >> ${log}`);
    const script = join(dir, 'prepare');
    writeFileSync(script, renderDataVolumeScript(defaultDataVolume({ diskModel: EBS }), EBS));
    const [cmd, args] = shell[0] === 'busybox' ? [shell[1].path!, ['sh', script]] : [shell[1].path!, [script]];
    const r = spawnSync(cmd, args, { env: { PATH: `${bin}:/usr/bin:/bin`, DATA_DISK_WAIT_SECONDS: '1', DATA_DISK_SYS_BLOCK: sys }, encoding: 'utf8' });
    let formatted: string[] = [];
    try {
      formatted = readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      // nothing formatted
    }
    return { formatted, stderr: r.stderr, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithTools(SHELLS)('the AWS data disk is found', () => {
  beforeAll(() => requireTools(SHELLS));
  describe.each(SHELLS)('under %s', (name, tool) => {
    const shell = [name, tool] as const;
    test('on Nitro: the blank NVMe disk whose model is EBS, not the partitioned root disk', () => {
      const r = pick(shell, [{ name: 'nvme0n1', model: EBS, partitions: true }, { name: 'nvme1n1', model: EBS }]);
      expect(r).toMatchObject({ status: 0, formatted: ['/dev/nvme1n1'] });
    });

    test('on Xen instance types: the blank xen-blkfront disk, which has no model', () => {
      const r = pick(shell, [{ name: 'xvda', devtype: 'vbd', partitions: true }, { name: 'xvdb', devtype: 'vbd' }]);
      expect(r).toMatchObject({ status: 0, formatted: ['/dev/xvdb'] });
    });

    test('never a disk of another model, or one without a model that is not a Xen disk', () => {
      const r = pick(shell, [{ name: 'nvme1n1', model: 'Amazon EC2 NVMe Instance Storage' }, { name: 'sdb' }]);
      expect(r.formatted).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('no blank data disk appeared after 1 s; Docker stays on the root disk');
    });
  });
});
