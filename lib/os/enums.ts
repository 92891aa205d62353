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

/**
 * Alpine release branches this library supports, oldest first (the same list as
 * `ContainerOs.ALPINE_RELEASES`). `ContainerOs.alpine({ release })` takes these or the branch as a
 * string, e.g. `'3.25'`.
 */
export enum AlpineBranch {
  /** 3.22 (2025-05-30). */
  V3_22 = '3.22',
  /** 3.23 (2025-12-03). */
  V3_23 = '3.23',
  /** 3.24 (2026-06-09). */
  V3_24 = '3.24',
  /** 3.25 (2026-12-03), the newest: the default. */
  V3_25 = '3.25',
}

/**
 * Bottlerocket's ECS variants (the same list as `ContainerOs.BOTTLEROCKET_VARIANTS`).
 * `ContainerOs.bottlerocket({ variant })` takes these or the name as a string, e.g. `'aws-ecs-3'`.
 */
export enum BottlerocketEcsVariant {
  /** Kernel 6.1: the default. */
  AWS_ECS_2 = 'aws-ecs-2',
  /** Kernel 6.1, NVIDIA drivers (GPU instance types). */
  AWS_ECS_2_NVIDIA = 'aws-ecs-2-nvidia',
  /** Kernel 6.1, FIPS 140-3. */
  AWS_ECS_2_FIPS = 'aws-ecs-2-fips',
  /** Kernel 6.1, NVIDIA drivers and FIPS 140-3. */
  AWS_ECS_2_NVIDIA_FIPS = 'aws-ecs-2-nvidia-fips',
  /** Kernel 6.12. */
  AWS_ECS_3 = 'aws-ecs-3',
  /** Kernel 6.12, NVIDIA drivers. */
  AWS_ECS_3_NVIDIA = 'aws-ecs-3-nvidia',
  /** Kernel 6.12, FIPS 140-3. */
  AWS_ECS_3_FIPS = 'aws-ecs-3-fips',
  /** Kernel 6.12, NVIDIA drivers and FIPS 140-3. */
  AWS_ECS_3_NVIDIA_FIPS = 'aws-ecs-3-nvidia-fips',
  /** Kernel 6.18, experimental (a warning at synth). */
  AWS_ECS_4 = 'aws-ecs-4',
  /** Kernel 6.18, NVIDIA drivers, experimental. */
  AWS_ECS_4_NVIDIA = 'aws-ecs-4-nvidia',
}

/** How Alpine cloud images run first-boot config (alpine-cloud-images configs/bootstrap). */
export enum AlpineBootstrap {
  /** Tiny Cloud, reading `#alpine-config` (the default: small and fast). */
  TINY = 'tiny',
  /** Full cloud-init, reading `#cloud-config`. */
  CLOUD_INIT = 'cloudinit',
}
