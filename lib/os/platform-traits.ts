/**
 * What a platform needs to know about an OS, as one record per platform the OS runs on
 * (`OsDefinition.traits`). A missing record means "not on this platform", with one generic error.
 * Adding a platform means a folder under lib/platforms plus one record type here and one record
 * per OS. No cdktf imports: platforms turn these facts into resources.
 */
import { createHash } from 'crypto';
import { FirstBootFormat } from '../bootconfig/formats';
import { Architecture } from './enums';

/** The block-device name the AWS platform gives the Docker data volume on every OS. */
export const EBS_DATA_DEVICE = '/dev/xvdb';

/** How to find an OS image on AWS: an AMI search (owner + filters) or an SSM public parameter. */
export interface AwsImageLookup {
  /**
   * AMI owner accounts.
   * @default - no AMI search (see `ssmParameter`)
   */
  readonly owners?: string[];
  /**
   * AMI `name` filter (wildcards allowed).
   * @default - no name filter
   */
  readonly nameFilter?: string;
  /**
   * More AMI `name` patterns, any of which may match as well as `nameFilter` (an image family
   * that changed its naming keeps images under both names).
   * @default - `nameFilter` only
   */
  readonly alternativeNameFilters?: string[];
  /**
   * AMI `description` filter (wildcards allowed).
   * @default - no description filter
   */
  readonly descriptionFilter?: string;
  /** AMI `architecture` value: `x86_64` or `arm64`. */
  readonly architecture: string;
  /**
   * SSM public parameter that holds the current AMI id.
   * @default - an AMI search is used
   */
  readonly ssmParameter?: string;
  /** Block-device name of the root volume in the AMI, e.g. `/dev/xvda`. */
  readonly rootDeviceName: string;
  /** The smallest root volume the AMI can launch with, GiB (its root snapshot's size). */
  readonly minRootSizeGiB: number;
}

/** Where the OS's libvirt/QEMU image for a channel is published. */
export interface LibvirtImageInfo {
  /** Download URL of a qcow2 image libvirt can use as it is. */
  readonly url: string;
  /** Disk format: `qcow2`. */
  readonly format: string;
}

/** How a Docker data disk is attached and found on EC2. */
export type AwsDataVolume =
  /** The library mounts it: at a fixed device name (`hostDevice`) or found at boot by its disk model. */
  | { readonly kind: 'mounted'; readonly hostDevice?: string; readonly diskModel?: string }
  /** The OS owns its data volume (Bottlerocket's /local): the platform only sizes it. */
  | { readonly kind: 'os-owned' };

/** The AWS record of an OS. */
export interface AwsTraits {
  /** The AMI lookup for an architecture (validated by the caller). */
  image(architecture: Architecture): AwsImageLookup;
  /** How the Docker data disk is named. */
  readonly dataVolume: AwsDataVolume;
  /** Whether the payload may be gzip-compressed in EC2 user data (the OS's first-boot agent gunzips it). */
  readonly gzipUserData: boolean;
  /**
   * For formats with a remote-config indirection: the small user data that makes the host fetch
   * its real config from `source` (an `s3://` URL) and check its SHA-512.
   * @default - none: a payload above 16 KB must fit after gzip
   */
  remoteConfigPointer?(source: string, sha512: string): string;
  /** AWS-managed policies (construct-id suffix, name after `arn:<partition>:iam::aws:policy/`) the OS's own agents need. */
  readonly managedPolicies: ReadonlyArray<readonly [string, string]>;
  /**
   * Who runs the HostConfig's containers: `'ecs'` when the OS's Docker engine belongs to the ECS
   * agent, so the fleet creates an ECS cluster (or joins the OS's) and one DAEMON service per container.
   * @default - the first-boot payload runs them (systemd units or OpenRC services)
   */
  readonly containerScheduler?: 'ecs';
  /**
   * The GPUs the image drives, for the AWS platform's instance-type check: `nvidia` images need an
   * NVIDIA GPU, `none` images leave one idle. `alternative` is the OS to use instead, for messages.
   * @default - no check: the OS can load GPU drivers itself
   */
  readonly gpu?: { readonly drivers: 'nvidia' | 'none'; readonly alternative?: string };
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
  /**
   * True when udev gives disks stable `/dev/disk/by-id` names where the first-boot agent runs
   * (the initramfs for Ignition), so the data disk can be named by its WWN; otherwise it is found at boot.
   */
  readonly udevDiskNames: boolean;
}

/** One record per platform the OS runs on. */
export interface PlatformTraits {
  readonly aws?: AwsTraits;
  readonly libvirt?: LibvirtTraits;
}

/**
 * The WWN of a libvirt host's Docker data disk, from its host name: `5` (NAA 5, IEEE Registered)
 * and 15 hex digits of a hash, the 16 hex digits libvirt's `<wwn>` accepts. udev links it as
 * `/dev/disk/by-id/wwn-0x<wwn>`, also in the initramfs where Ignition runs.
 */
export function libvirtDataDiskWwn(hostName: string): string {
  return `5${createHash('sha256').update(`wwn:${hostName}`, 'utf8').digest('hex').slice(0, 15)}`;
}

/** The first-boot formats, for messages. */
export const FORMAT_NAMES: Readonly<Record<FirstBootFormat, string>> = {
  [FirstBootFormat.IGNITION]: 'Ignition',
  [FirstBootFormat.CLOUD_CONFIG]: 'cloud-config',
  [FirstBootFormat.ALPINE_CONFIG]: 'cloud-config',
  [FirstBootFormat.BOTTLEROCKET_TOML]: 'Bottlerocket settings (TOML)',
};
