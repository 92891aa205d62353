import { fillPlaceholders, packagedFile } from '../core/packaged-file';
import { shQuote } from './container-run';
import { DataVolumeModel } from './model';

/** How long the script waits for a data disk to appear (EBS volumes can attach after boot). */
export const DATA_DISK_WAIT_SECONDS = 60;

/**
 * prepare-data-volume.sh: a POSIX sh script (dash and busybox ash) that finds the Docker data disk, formats it only when
 * it is provably blank, and leaves it labelled for mounting by label. Without a data disk it
 * warns and exits 0: Docker then stays on the root disk (the documented behaviour).
 *
 * Without a fixed device it picks the one whole disk that is blank, writable and not removable,
 * and (when `model` is set, e.g. "Amazon Elastic Block Store") whose model matches, so it does
 * not depend on enumeration order: this is the first-boot discovery approach RHCOS documents for
 * disks whose names vary (openshift/os docs/faq.md, cited in fedora-coreos-tracker#1165). It gives up, loudly, when more than one disk
 * qualifies.
 *
 * "Blank" is proven, never assumed (measured on loop devices with
 * util-linux 2.38): the disk can be opened and read; `blkid -p` exits 2, which libblkid's
 * blkid(8) documents as "the specified token was not found, or no (specified) devices could be
 * identified" (exit 8 is an ambivalent probe, e.g. ext4 plus a stray iso9660 signature, and an
 * empty `blkid DEV` output covers both); `wipefs -n` finds no signature; it has no partitions,
 * no holders (/sys/block/X/holders: LVM, dm-crypt, md) and is neither mounted nor swap.
 * The label is looked up exactly with `blkid -L` (LABEL only; a GPT PARTLABEL of the same name
 * does not count).
 *
 * Where udev runs (systemd-udevd on Fedora CoreOS and Flatcar; the unit is ordered after it), the
 * script first waits for udev's queue (`udevadm settle`: the boot's coldplug, drivers loaded), and
 * once a file system with the label exists (found or just made) it returns only when
 * /dev/disk/by-label/LABEL exists, which the mount unit's `ConditionPathExists=` checks next: blkid
 * probes a disk the moment the kernel has it, udev writes the link only when it has handled the
 * disk's event (a disk attached late, or one probed before udevd ran). After 10 tries without it
 * it fails, naming the disk. Without udev (Alpine's busybox mdev) there are no by-label links and
 * nothing waits for them: blkid and mount(8) find the label by probing the disks themselves.
 *
 * These need util-linux's blkid and wipefs: busybox's blkid has no -p/-L, so on Alpine the
 * script installs the `blkid` and `wipefs` packages (util-linux subpackages in Alpine main) and
 * refuses to format anything when they are still missing.
 *
 * `DATA_DISK_WAIT_SECONDS` in the environment shortens the wait and `DATA_DISK_SYS_BLOCK` points
 * at another sysfs block directory (tests); systemd and cloud-init
 * do not set it.
 */
export function renderDataVolumeScript(v: DataVolumeModel, model?: string): string {
  return fillPlaceholders(packagedFile(__dirname, 'prepare-data-volume.sh'), {
    LABEL: shQuote(v.label),
    DEVICE: shQuote(v.device ?? ''),
    MODEL: shQuote(model ?? ''),
    WAIT_SECONDS: String(DATA_DISK_WAIT_SECONDS),
    FILE_SYSTEM: v.fileSystem,
    MKFS: v.fileSystem === 'xfs' ? 'mkfs.xfs -q -L "$LABEL"' : 'mkfs.ext4 -q -L "$LABEL"',
  });
}
