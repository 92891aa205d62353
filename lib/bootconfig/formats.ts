/** The format of a first-boot payload; the OS decides which one it reads. */
export enum FirstBootFormat {
  /** Ignition JSON (Fedora CoreOS, Flatcar). */
  IGNITION = 'ignition',
  /** `#cloud-config` YAML for cloud-init (Alpine cloud-init images). */
  CLOUD_CONFIG = 'cloud-config',
  /** `#alpine-config` YAML for tiny-cloud (Alpine tiny images). */
  ALPINE_CONFIG = 'alpine-config',
  /** Bottlerocket settings as TOML. */
  BOTTLEROCKET_TOML = 'bottlerocket-toml',
}
