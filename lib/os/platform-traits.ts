/**
 * What each platform needs to know about an OS, as one record per platform the OS runs on
 * (`OsDefinition.traits`, keyed by `Platform`), and what is true of each platform whatever the
 * OS. A missing record means "not on this platform", with one generic error.
 *
 * A new platform adds its `Platform` member, its record type (like aws-traits.ts) in `TraitsOf`
 * and its row in `PLATFORMS`, and a record in the file of each OS that runs on it; nothing in
 * the render pipeline names a platform. No cdktf imports: platforms turn these facts into resources.
 */
import { AwsTraits } from './aws-traits';
import { DataVolumePlacement } from './data-volume-placement';
import { Platform } from './enums';
import { LibvirtTraits } from './libvirt-traits';

/** The record type of each platform. */
export interface TraitsOf {
  readonly [Platform.AWS]: AwsTraits;
  readonly [Platform.LIBVIRT]: LibvirtTraits;
}

/** One record per platform the OS runs on. */
export type PlatformTraits = { readonly [P in Platform]?: TraitsOf[P] };

/** What every platform's record says. */
export interface CommonTraits {
  /** How the host's Docker data disk is found. */
  readonly dataVolume: DataVolumePlacement;
}

/** What is true of a platform whatever the OS. */
export interface PlatformFacts {
  /** Whether `renderFirstBoot` renders a Docker data volume by default (as the platform's fleets do). */
  readonly dataVolumeByDefault: boolean;
  /** What an OS without a record for this platform is told besides the generic error. */
  readonly missingRecordHint?: (osName: string) => string;
}

/** The facts of each platform. */
export const PLATFORMS: { readonly [P in Platform]: PlatformFacts } = {
  // AWS fleets attach a data volume only with dockerVolumeSizeGiB.
  [Platform.AWS]: { dataVolumeByDefault: false },
  // Every libvirt host has a data volume.
  [Platform.LIBVIRT]: {
    dataVolumeByDefault: true,
    missingRecordHint: (os) => `${os} publishes no QEMU/libvirt image (use ContainerOs.flatcar() or ContainerOs.fedoraCoreOs() on libvirt)`,
  },
};
