import type { HostConfig } from '../../bootconfig/host-config';
import type { ContainerOs } from '../../os/container-os';
import type { UpdatePolicy } from '../../os/update-policy';
import type { LibvirtImage } from './libvirt-image';
import type { LibvirtProviderVersion } from './provider-version';

/** Properties of a `LibvirtDockerFleet`. */
export interface LibvirtDockerFleetProps {
  /** The host OS and its channel, e.g. `ContainerOs.flatcar()`. Bottlerocket has no libvirt image. */
  readonly os: ContainerOs;

  /**
   * Number of hosts. Must be a literal whole number (at most 4096): hosts are keyed by name at
   * synth time.
   */
  readonly hostCount: number;

  /**
   * Host names, one per host (each a single DNS label; the network's DNS domain is appended).
   * Hosts are keyed by name: removing a name removes that host only. Append new names at the
   * end: a host's address depends on its name, and only on hosts listed before it when their
   * hashed addresses collide (see `plannedAddresses`).
   * @default - `<construct id>-0` … `<construct id>-<hostCount - 1>`
   */
  readonly hostNames?: string[];

  /**
   * What every host looks like: SSH keys, files, units, containers, Docker settings. The
   * library's defaults are the merge parent; this config wins. Each host's name is set by the
   * fleet (a `hostname` here is replaced, with a warning).
   * @default - an empty HostConfig (Docker enabled, the OS's defaults)
   */
  readonly hostConfig?: HostConfig;

  /**
   * How the hosts take OS updates.
   * @default UpdatePolicy.defaultWindow() - weekly, Sunday 03:00 UTC for 2 hours
   */
  readonly updatePolicy?: UpdatePolicy;

  /**
   * The image the hosts boot from, uploaded once into the pool as the base volume.
   * @default - the OS channel's published image where it can be used as it is (Flatcar,
   * Alpine); Fedora CoreOS publishes only a compressed image, so it needs `LibvirtImage.fromPath`
   */
  readonly image?: LibvirtImage;

  /**
   * Memory per host, MiB. At least the OS's minimum (Fedora CoreOS 2048, Flatcar 1024, Alpine 256).
   * @default 2048
   */
  readonly memoryMiB?: number;

  /**
   * Virtual CPUs per host, 1 to 256.
   * @default 2
   */
  readonly vcpus?: number;

  /**
   * Size of each host's root volume (a copy-on-write overlay on the base image), GiB. It must
   * not be smaller than the image's virtual size (Fedora CoreOS: 10 GiB). Changing it
   * re-provisions every host.
   * @default 20
   */
  readonly diskSizeGiB?: number;

  /**
   * Size of each host's Docker data volume, mounted at /var/lib/docker. The volume outlives
   * re-provisioning (its file system is only created when the disk is blank).
   * @default 20
   */
  readonly dockerVolumeSizeGiB?: number;

  /**
   * Protect the Docker data volumes with `lifecycle.prevent_destroy`: Terraform then refuses to
   * destroy them (removing a host or `cdktf destroy` fails until this is turned off).
   * Re-provisioning a host never destroys its data volume either way.
   * @default false
   */
  readonly retainDataVolumes?: boolean;

  /**
   * An existing libvirt storage pool to put all volumes in. When set, no pool is created.
   * @default - a `dir` pool named after the construct id is created at `poolPath`
   */
  readonly poolName?: string;

  /**
   * Directory of the pool the fleet creates (only without `poolName`).
   * @default '/var/lib/libvirt/images/<construct id>'
   */
  readonly poolPath?: string;

  /**
   * Name of the libvirt NAT network the fleet creates.
   * @default - the construct id
   */
  readonly networkName?: string;

  /**
   * IPv4 block of the fleet's NAT network, network form, prefix /8 to /29. libvirt takes the
   * first address (.1) as gateway, DNS and DHCP server; the hosts get fixed addresses in the
   * rest. A token is accepted, and then the hosts take DHCP addresses.
   * @default '10.17.3.0/24'
   */
  readonly networkCidr?: string;

  /**
   * DNS domain of the network: hosts resolve each other as `<host>.<domain>` through
   * libvirt's dnsmasq, which answers it locally and never forwards it.
   * @default '<construct id in lower case>.internal'
   */
  readonly domainName?: string;

  /**
   * Start the hosts when the libvirt host boots.
   * @default true
   */
  readonly autostart?: boolean;

  /**
   * The dmacvicar/libvirt version the fleet is synthesized for. It must be the version of the
   * stack's libvirt provider (`LibvirtProvider` is 0.8.3, `LibvirtProvider09` is 0.9.7). Hosts,
   * payloads and volume names are the same on both; README "libvirt provider 0.9" says what
   * differs and how a fleet created with 0.8.3 moves to 0.9.7 without losing its data volumes.
   * @default - the version of the stack's libvirt provider, or `LibvirtProviderVersion.V0_9_7`
   * when the stack has none
   */
  readonly providerVersion?: LibvirtProviderVersion;
}
