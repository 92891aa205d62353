/**
 * The Terraform provider for libvirt/KVM hosts, **dmacvicar/libvirt 0.8.3**: the last release of
 * the legacy (SDKv2) line (`cloudinit`, `coreos_ignition`/`fw_cfg_name`, `network_interface`
 * blocks, ...). Libvirt fleets in a stack with this provider are synthesized for 0.8.3, as they
 * were before 0.9.7 was supported; new stacks use `LibvirtProvider09` (dmacvicar/libvirt 0.9.7).
 *
 * `LibvirtProvider` is the class generated offline by `scripts/gen-libvirt.js` from the pinned
 * schema in `./schema/libvirt-0.8.3-schema.json` (see `./gen/`, do not edit it by hand).
 * Synthesizing it emits
 * `required_providers.libvirt = { source: "dmacvicar/libvirt", version: "0.8.3" }`.
 *
 * `uri` is required in 0.8.3 (e.g. `qemu:///system`, or `qemu+ssh://user@host/system` for a
 * remote host).
 *
 * @example
 * new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
 */
export { LibvirtProvider, type LibvirtProviderConfig } from './gen/providers/libvirt/provider';
