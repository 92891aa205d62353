/**
 * The dmacvicar/libvirt provider versions a libvirt fleet can be synthesized for. Each is pinned
 * exactly (`required_providers.libvirt.version`), with bindings generated from that version's
 * own schema.
 */
export enum LibvirtProviderVersion {
  /**
   * 0.8.3 (2025-03-04), the last release of the legacy (SDKv2) line, frozen since 0.9.0 shipped.
   * For fleets created with it: their state keeps working (see README "libvirt provider 0.9").
   * Its provider class is `LibvirtProvider`.
   */
  V0_8_3 = '0.8.3',
  /**
   * 0.9.7 (2026-03-29), the maintained rewrite (Plugin Framework; the schema mirrors libvirt's
   * XML). The default for new fleets. Its provider class is `LibvirtProvider09`.
   */
  V0_9_7 = '0.9.7',
}
