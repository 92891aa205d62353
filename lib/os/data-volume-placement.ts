/**
 * Where a platform puts a host's Docker data disk, as the OS finds it at first boot: the part of
 * each platform record the render pipeline reads without knowing the platform.
 */

/** How the Docker data disk is named on a host, or that the OS owns it. */
export type DataVolumePlacement =
  /** At a fixed device name the OS links (e.g. Flatcar's udev rules link EBS NVMe disks as /dev/xvdb). */
  | { readonly kind: 'device'; readonly device: string }
  /** Found at first boot: the one blank disk, of this model when one is given. */
  | { readonly kind: 'found'; readonly diskModel?: string }
  /** Named by a per-host id the platform gives the disk (libvirt: its WWN), from which udev derives `device`. */
  | { readonly kind: 'by-disk-id'; device(diskId: string): string; diskIdOf(hostName: string): string }
  /** The OS owns its data volume (Bottlerocket's /local): the platform only sizes it. */
  | { readonly kind: 'os-owned' };
