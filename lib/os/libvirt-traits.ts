/**
 * The libvirt record of an OS (`OsDefinition.traits[Platform.LIBVIRT]`): its QEMU image, how the
 * payload reaches a domain, and the least memory it boots with. No cdktf imports: the libvirt
 * platform turns these facts into resources.
 */
import { createHash } from 'crypto';
import { DataVolumePlacement } from './data-volume-placement';

/** Where the OS's libvirt/QEMU image for a channel is published. */
export interface LibvirtImageInfo {
  /** Download URL of a qcow2 image libvirt can use as it is. */
  readonly url: string;
  /** Disk format: `qcow2`. */
  readonly format: string;
}

/** How the payload reaches a libvirt domain. */
export type LibvirtDelivery =
  /** QEMU fw_cfg with this key (Ignition). */
  | { readonly kind: 'ignition'; readonly fwCfgName: string }
  /** A NoCloud ISO labelled cidata (cloud-init, tiny-cloud). */
  | { readonly kind: 'cloudinit' };

/** The libvirt record of an OS. */
export interface LibvirtTraits {
  /** The channel's image, where one can be used as it is; throws a clear error otherwise. */
  image(): LibvirtImageInfo;
  readonly delivery: LibvirtDelivery;
  /** Minimum memory for a host, MiB. */
  readonly minMemoryMiB: number;
  /** How the Docker data disk every libvirt host has is found. */
  readonly dataVolume: DataVolumePlacement;
}

/**
 * The WWN of a libvirt host's Docker data disk, from its host name: `5` (NAA 5, IEEE Registered)
 * and 15 hex digits of a hash, the 16 hex digits libvirt's `<wwn>` accepts. udev links it as
 * `/dev/disk/by-id/wwn-0x<wwn>`, also in the initramfs where Ignition runs.
 */
export function libvirtDataDiskWwn(hostName: string): string {
  return `5${createHash('sha256').update(`wwn:${hostName}`, 'utf8').digest('hex').slice(0, 15)}`;
}

/**
 * The data disk of an OS whose udev gives disks stable `/dev/disk/by-id` names where its
 * first-boot agent runs (the initramfs for Ignition): named by the WWN the platform gives it.
 * Without such names (Alpine) the disk is found at boot instead (`{ kind: 'found' }`).
 */
export const LIBVIRT_DISK_BY_WWN: DataVolumePlacement = {
  kind: 'by-disk-id',
  device: (wwn) => `/dev/disk/by-id/wwn-0x${wwn}`,
  diskIdOf: libvirtDataDiskWwn,
};
