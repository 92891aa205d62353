/** CPU architecture of the hosts. String-valued, so JavaScript callers may pass `'arm64'`. */
export enum Architecture {
  /** 64-bit x86 (Intel/AMD). */
  X86_64 = 'x86_64',
  /** 64-bit ARM (e.g. AWS Graviton). */
  ARM64 = 'arm64',
}

/** Where the hosts run. */
export enum Platform {
  /** Amazon EC2. */
  AWS = 'aws',
  /** KVM through libvirt. */
  LIBVIRT = 'libvirt',
}

export { FirstBootFormat } from '../bootconfig/formats';

/** Fedora CoreOS update streams (fedora-coreos-docs update-streams.adoc). */
export enum FedoraCoreOsStream {
  /** Production: promoted from testing after about two weeks. */
  STABLE = 'stable',
  /** The next stable, for canary hosts. */
  TESTING = 'testing',
  /** Tracks the next Fedora major release. */
  NEXT = 'next',
}

/** Flatcar release channels (flatcar-website switching-channels.md). */
export enum FlatcarChannel {
  /** Production: promoted from beta. */
  STABLE = 'stable',
  /** Promoted from alpha, for canary hosts. */
  BETA = 'beta',
  /** Tracks development. */
  ALPHA = 'alpha',
  /** Long-term support: 18-month streams, follows the current LTS stream. */
  LTS = 'lts',
}

/** How Alpine cloud images run first-boot config (alpine-cloud-images configs/bootstrap). */
export enum AlpineBootstrap {
  /** Tiny Cloud, reading `#alpine-config` (the default: small and fast). */
  TINY = 'tiny',
  /** Full cloud-init, reading `#cloud-config`. */
  CLOUD_INIT = 'cloudinit',
}
