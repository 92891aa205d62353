/**
 * How one host's resources name each other (both provider lines), at a cost `terraform plan`
 * pays once per fleet, not once per host per host.
 *
 * Terraform evaluates `libvirt_volume.root[each.key].id` by loading every instance of
 * `libvirt_volume.root` and then indexing one (hashicorp/terraform#26355; Terraform 1.13.0,
 * hashicorp/terraform#37154, removed the quadratic change lookup inside that load, not the load),
 * so N hosts that each read a sibling's attribute cost N × N instance decodes: a plan of 1000
 * hosts took minutes and gigabytes. So:
 *
 * - What the fleet can know at synth time is written as a value: a volume's name, and in a pool
 *   the fleet creates, a volume's path, which is also its libvirt key and so its 0.8.3 id (libvirt
 *   src/storage/storage_util.c, virStorageBackendVolCreateLocal: `target.path = <pool target
 *   path>/<name>`, `key = target.path`; provider v0.8.3 libvirt/resource_libvirt_volume.go:
 *   `d.SetId(volume.Key)`; provider v0.9.7 internal/provider/volume_resource.go: `path` is
 *   `target.path`). The resource that must exist first is named in `depends_on` instead.
 * - What Terraform learns only at apply (an Ignition or cloud-init id with a random part, a
 *   temporary file's path, a domain's UUID, a volume's path in a pool the fleet did not create) is
 *   read through one map per resource, a local `{ for key, val in <resource>: key => val.<attr> }`
 *   that Terraform evaluates once, and each host indexes the map: the same value, the same
 *   dependencies, without loading every instance for every host.
 */
import { Fn, TerraformIterator, TerraformLocal, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';

/** Each instance's `attribute` of a `for_each` resource, by instance key, as a local read once per plan. */
export function instanceAttributes(scope: Construct, id: string, resource: TerraformResource, attribute: string): (key: string) => string {
  const local = new TerraformLocal(scope, id, TerraformIterator.fromResources(resource).forExpressionForMap('key', `val.${attribute}`));
  return (key) => Token.asString(Fn.lookupNested(local.asAnyMap, [key]));
}

/**
 * A pool directory as libvirt keeps it (an absolute path without empty, `.` or `..` segments and
 * without a trailing slash), or undefined: libvirt rewrites other spellings of a pool's path
 * (virFileSanitizePath in src/util/virfile.c), and a path written here must be the one libvirt reports.
 */
export function canonicalPoolPath(path: string | undefined): string | undefined {
  if (path === undefined || Token.isUnresolved(path)) return undefined;
  return /^(\/[^/]+)+$/.test(path) && !path.split('/').some((s) => s === '.' || s === '..') ? path : undefined;
}

/** The path (and 0.8.3 id) of volume `name` in the pool at `poolPath` (see canonicalPoolPath). */
export function volumePath(poolPath: string, name: string): string {
  return `${poolPath}/${name}`;
}
