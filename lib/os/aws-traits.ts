/**
 * The AWS record of an OS (`OsDefinition.traits[Platform.AWS]`): how to find its AMI, how its
 * first-boot agent takes user data, and what its own agents need from the instance role.
 * No cdktf imports: the AWS platform turns these facts into resources.
 */
import { Architecture } from './enums';
import { DataVolumePlacement } from './data-volume-placement';

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
  /**
   * The root volume a fleet gets without `rootVolumeSizeGiB`, GiB, when the snapshot's size leaves
   * no room for what first boot installs and the images the host pulls.
   * @default - minRootSizeGiB
   */
  readonly defaultRootSizeGiB?: number;
}

/** The AWS record of an OS. */
export interface AwsTraits {
  /** The AMI lookup for an architecture (validated by the caller). */
  image(architecture: Architecture): AwsImageLookup;
  /** How the Docker data disk (attached as `EBS_DATA_DEVICE`) is found, or that the OS owns it. */
  readonly dataVolume: DataVolumePlacement;
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
