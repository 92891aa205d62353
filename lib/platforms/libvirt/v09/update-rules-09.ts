/**
 * What dmacvicar/libvirt 0.9.7 can change in place, and so what a 0.9 fleet tells Terraform to
 * ignore. The schema does not show it; the provider's source at tag v0.9.7 does:
 *
 * - `libvirt_volume` and `libvirt_pool`: `Update` always fails with "Update Not Supported"
 *   (internal/provider/volume_resource.go, internal/provider/pool_resource.go), and only
 *   `name`/`pool` (volume) and `name`/`type` (pool) are RequiresReplace. Any other changed
 *   argument would be planned as an in-place update that fails at apply.
 * - `libvirt_network`: `Update` applies `autostart` only and then reads the network back
 *   (internal/provider/network_resource.go), so any other change is never pushed to libvirt and
 *   ends in "Provider produced inconsistent result after apply". Only `name` is RequiresReplace.
 * - `libvirt_ignition`, `libvirt_cloudinit_disk`: every argument is RequiresReplace.
 * - `libvirt_domain`: updates in place (stops the domain, redefines its XML, starts it again).
 *
 * So every volume, pool and network of a 0.9 fleet lists the arguments below in
 * `lifecycle.ignore_changes`: nothing is ever planned as an update the provider cannot make. What
 * must replace one of them is in its name (RequiresReplace), or in a `terraform_data` its
 * `replace_triggered_by` names (libvirt-fleet-resources-09.ts). test/platforms/libvirt/v09 checks
 * these lists against the pinned schema: every settable argument is either RequiresReplace or here.
 */

/** Arguments of `libvirt_volume` 0.9.7 that are not RequiresReplace. */
export const VOLUME_IGNORED_09 = ['allocation_unit', 'backing_store', 'capacity', 'capacity_unit', 'create', 'physical_unit', 'target', 'type'];

/** Arguments of `libvirt_pool` 0.9.7 that are not RequiresReplace. */
export const POOL_IGNORED_09 = [
  'allocation_unit', 'available_unit', 'capacity_unit', 'create', 'destroy', 'features', 'fs_commandline', 'rbd_commandline',
  'refresh', 'source', 'target',
];

/** Arguments of `libvirt_network` 0.9.7 that are neither RequiresReplace nor applied in place (`autostart`). */
export const NETWORK_IGNORED_09 = [
  'bandwidth', 'bridge', 'dns', 'dnsmasq_options', 'domain', 'forward', 'ips', 'ipv6', 'mac', 'metadata', 'mtu', 'port_groups',
  'port_options', 'routes', 'trust_guest_rx_filters', 'virtual_port', 'vlan',
];
