/**
 * The names of a libvirt fleet's artefacts, in one place: they ARE the replacement contract.
 *
 * - A host's root volume, Ignition volume and cloud-init ISO carry the hash of that host's
 *   first-boot payload: a changed payload is a new volume, and with it a new domain (the disk
 *   block is ForceNew), so the host is re-provisioned and first boot runs again.
 * - A host's Docker data volume carries only the host name: it outlives re-provisioning.
 * - The base volume carries the OS and channel, not the image URL: a new image release replaces
 *   nothing, another OS replaces every host.
 */
export interface LibvirtHostNames {
  readonly root: string;
  readonly data: string;
  readonly ignition: string;
  readonly cloudinit: string;
  /** the NoCloud instance id: a new one makes cloud-init/tiny-cloud run first boot again */
  readonly instanceId: string;
}

export function libvirtBaseVolumeName(fleetId: string, osName: string, channel: string, format: string): string {
  const osSlug = `${osName}-${channel}`.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '');
  return `${fleetId}-${osSlug}-base.${format}`;
}

export function libvirtHostNames(host: string, payloadHash: string): LibvirtHostNames {
  return {
    root: `${host}-root-${payloadHash}.qcow2`,
    data: `${host}-docker.qcow2`,
    ignition: `${host}-ignition-${payloadHash}.ign`,
    cloudinit: `${host}-cloudinit-${payloadHash}.iso`,
    instanceId: `${host}-${payloadHash}`,
  };
}
