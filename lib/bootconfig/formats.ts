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

/** How messages name a format, and the `FirstBootFragment` factory that makes a fragment of it. */
export interface FormatFacts {
  readonly name: string;
  readonly fragmentFactory: string;
}

/** The facts of each format. */
export const FORMATS: Readonly<Record<FirstBootFormat, FormatFacts>> = {
  [FirstBootFormat.IGNITION]: { name: 'Ignition', fragmentFactory: 'ignition' },
  [FirstBootFormat.CLOUD_CONFIG]: { name: 'cloud-config', fragmentFactory: 'cloudConfig' },
  [FirstBootFormat.ALPINE_CONFIG]: { name: 'cloud-config', fragmentFactory: 'cloudConfig' },
  [FirstBootFormat.BOTTLEROCKET_TOML]: { name: 'Bottlerocket settings (TOML)', fragmentFactory: 'bottlerocketSettings' },
};
