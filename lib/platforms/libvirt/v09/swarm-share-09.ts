/**
 * The swarm's token share on dmacvicar/libvirt 0.9.7: a `devices.filesystems[]` entry of each
 * domain, the same virtio-9p share as on 0.8.3 (whose `filesystem` block made 9p devices only).
 *
 * 9p, not virtiofs: the nodes mount it with `mount -t 9p -o trans=virtio,version=9p2000.L`
 * (lib/bootconfig/swarm-script.ts), so a swarm's payloads are the same on both provider lines
 * and moving one to 0.9.7 re-provisions no node. 0.9.7 sets no defaults any more (0.8.3 wrote
 * `accessmode = "mapped"` and read-only by default), so both are written out; no `driver` means
 * libvirt's default for QEMU, the 9p `path` driver (libvirt docs, "Filesystems").
 *
 * virtiofs would need virtiofsd on the hypervisor host and shared memory backing for every
 * guest (`memory_backing = { memory_source = { type = "memfd" }, memory_access = { mode =
 * "shared" } }`, libvirt's kbase "Sharing files with Virtiofs"), and a different mount in the
 * guests. README "libvirt provider 0.9" says which hypervisor hosts lack which.
 */
import { TerraformResource } from 'cdktf';

/** What differs per node: the share's host directory and whether it is read-only, as Terraform expressions of `each.key`. */
export interface TokenShare {
  /** the host directory (an expression of `each.key`) */
  readonly source: string;
  /** the guest's 9p mount tag */
  readonly tag: string;
  /** `true` for every node but the first manager (an expression of `each.key`) */
  readonly readOnly: string;
}

/** Adds the share to every domain of a 0.9.7 fleet (`devices.filesystems`; the fleet writes no other filesystem). */
export function addTokenShare09(domains: TerraformResource, share: TokenShare): void {
  domains.addOverride('devices.filesystems', [{
    source: { mount: { dir: share.source } },
    target: { dir: share.tag },
    access_mode: 'mapped',
    read_only: share.readOnly,
  }]);
}
