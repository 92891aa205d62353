/**
 * `migrate-libvirt`: moves the Terraform state of libvirt fleets created with dmacvicar/libvirt
 * 0.8.3 to 0.9.7, given the state (`terraform state pull`) and the stack synthesized again for
 * 0.9.7 (`LibvirtProvider09`). Nothing on the libvirt host is touched; the output is a new state
 * to push and `import` blocks for the next plan.
 *
 * 0.9.7 is a rewrite with no state upgrade (every schema is version 0, no resource upgrades its
 * state), and its shapes differ (a domain's `id` is now a number), so the 0.8.3 entries cannot
 * stay. Per resource:
 *
 * - `libvirt_domain`, `libvirt_network`, `libvirt_pool`: leave the state and come back through
 *   `import` blocks: 0.9.7 imports a domain by UUID (internal/provider/domain_resource.go,
 *   ImportState, since 0.9.6), a network and a pool by UUID too; 0.8.3's `id` of each is that
 *   UUID. The imported domain is then redefined in place (it restarts once).
 * - `libvirt_volume`: re-keyed in the state as 0.9.7 has them (`id` and `key` the volume key,
 *   `name`, `pool`, `path`). 0.9.7 cannot import a volume: its ImportState sets only `id` while
 *   Read looks the volume up by `key` (dmacvicar/terraform-provider-libvirt#1277, fixed after
 *   0.9.7 by dmacvicar/terraform-provider-libvirt#1334). The fleet's volumes ignore every
 *   argument but name and pool, and their names are the same on both lines, so the next plan
 *   neither updates nor replaces them: the Docker data volumes keep their data.
 * - `libvirt_ignition`, `libvirt_cloudinit_disk`: on 0.8.3 each was a volume in the pool (id
 *   `<volume key>;<uuid>`); on 0.9.7 it is a local file plus the fleet's `ignition-volume` /
 *   `cloudinit-volume`. The volume is re-keyed as that resource's instance (same name: the payload
 *   hash is the same), and the local file is written again by the next apply.
 * - libvirt data sources are dropped (read again); everything else is kept as it is.
 *
 * Every host in the state must be in the new stack (same construct ids, same host names), and a
 * Docker data volume's name must be the same in both, or nothing is written.
 */
import { CliError } from './errors';
import { TfJson, libvirtVersionOf } from './fleets';
import { StackValues, Unknown } from './terraform-eval';

const TARGET_VERSION = '0.9.7';

interface StateInstance {
  index_key?: string | number;
  schema_version?: number;
  attributes?: Record<string, unknown>;
  [k: string]: unknown;
}

interface StateResource {
  mode: string;
  type: string;
  name: string;
  module?: string;
  provider: string;
  instances: StateInstance[];
  [k: string]: unknown;
}

interface StateDoc {
  version: number;
  serial: number;
  lineage: string;
  resources: StateResource[];
  [k: string]: unknown;
}

/** What the migration writes and says. */
export interface LibvirtMigration {
  /** the state to push (`terraform state push`) */
  readonly state: Record<string, unknown>;
  /** a Terraform JSON document of `import` blocks, next to the stack's cdk.tf.json */
  readonly imports: { import: { to: string; id: string }[] };
  /** what happens to each fleet, one line each */
  readonly report: string[];
}

type Body = Record<string, unknown>;

const IMPORTED = new Set(['libvirt_domain', 'libvirt_network', 'libvirt_pool']);
/** 0.8.3 first-boot media resources → the construct id of the 0.9.7 volume that takes their volume */
const MEDIA_VOLUME: Record<string, string> = { libvirt_ignition: 'ignition-volume', libvirt_cloudinit_disk: 'cloudinit-volume' };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function constructPath(body: Body | undefined): string | undefined {
  const p = (body?.['//'] as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  return typeof p === 'string' ? p : undefined;
}

function parentPath(p: string): string {
  return p.slice(0, Math.max(0, p.lastIndexOf('/')));
}

/** `type.name["key"]` (or `type.name` without a key). */
function address(type: string, name: string, key: StateInstance['index_key']): string {
  return `${type}.${name}${key === undefined ? '' : `[${JSON.stringify(key)}]`}`;
}

function parseState(text: string, where: string): StateDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new CliError(`${where}: not a Terraform state (not JSON); pass the output of \`terraform state pull\``);
  }
  if (!isObject(doc) || doc.version !== 4 || !Array.isArray(doc.resources) || typeof doc.lineage !== 'string' || typeof doc.serial !== 'number') {
    throw new CliError(`${where}: not a Terraform state of format version 4 (the output of \`terraform state pull\` with Terraform 0.12 or later)`);
  }
  return doc as unknown as StateDoc;
}

/**
 * Migrates `stateText` (a 0.8.3 state) for `stack` (the stack synthesized for 0.9.7); `where`
 * names the inputs in messages.
 */
export function migrateLibvirtState(stateText: string, stack: TfJson, where: { state: string; stack: string }): LibvirtMigration {
  const state = parseState(stateText, where.state);
  const version = libvirtVersionOf(stack);
  if (version !== TARGET_VERSION) {
    throw new CliError(`${where.stack}: the stack pins dmacvicar/libvirt ${version ?? '(none)'}; synthesize it for ${TARGET_VERSION} first (LibvirtProvider09 instead of LibvirtProvider)`);
  }
  const resources = (stack.resource ?? {}) as Record<string, Record<string, Body>>;
  const values = new StackValues(isObject(stack.locals) ? stack.locals : {});
  /** the new stack's instance keys of a resource, and each instance's evaluated name */
  const instancesOf = (body: Body): Map<string, unknown> => {
    if (body.for_each === undefined) return new Map([['', values.evaluate(body.name)]]);
    const each = values.expand(body);
    if (each instanceof Unknown) throw new CliError(`${where.stack}: a for_each is not known before apply (${each.reference})`);
    return new Map(Object.entries(each).map(([k, v]) => [k, v.name]));
  };
  const volumeAt = (path: string): [string, Body] | undefined =>
    Object.entries(resources.libvirt_volume ?? {}).find(([, b]) => constructPath(b) === path);

  const kept: StateResource[] = [];
  const adopted = new Map<string, StateResource>();
  const imports: { to: string; id: string }[] = [];
  const perFleet = new Map<string, { imported: string[]; volumes: number; data: number; media: number }>();
  const fleetOf = (body: Body | undefined, fallback: string) => {
    const path = parentPath(constructPath(body) ?? fallback);
    if (!perFleet.has(path)) perFleet.set(path, { imported: [], volumes: 0, data: 0, media: 0 });
    return perFleet.get(path)!;
  };
  const missing = (r: StateResource, key: StateInstance['index_key'], why: string) =>
    new CliError(`${where.state}: ${address(r.type, r.name, key)} ${why}; migrate with the same fleets and hosts as in the state, then change them`);

  /** The 0.9.7 state entry of a volume whose key (its path) is `key`. */
  const volumeEntry = (inst: StateInstance, key: string, a: Record<string, unknown>): StateInstance => ({
    ...(inst.index_key === undefined ? {} : { index_key: inst.index_key }),
    schema_version: 0,
    attributes: { id: key, key, name: a.name, pool: a.pool, path: key },
    sensitive_attributes: [],
  });

  for (const r of state.resources) {
    if (!r.type.startsWith('libvirt_')) {
      kept.push(r);
      continue;
    }
    if (r.module !== undefined) throw new CliError(`${where.state}: ${r.module}.${r.type}.${r.name} is in a module; the library's fleets are not`);
    if (r.mode === 'data') continue;
    if (r.instances.some((i) => isObject(i.attributes) && 'key' in i.attributes)) {
      throw new CliError(`${where.state}: ${r.type}.${r.name} already has 0.9 attributes (a volume key): this state is migrated already`);
    }
    const body = resources[r.type]?.[r.name];
    const media = MEDIA_VOLUME[r.type];
    if (IMPORTED.has(r.type) || r.type === 'libvirt_volume') {
      if (!body) throw missing(r, undefined, 'is not in the new stack');
      const names = instancesOf(body);
      const fleet = fleetOf(body, r.name);
      const isData = constructPath(body)?.endsWith('/docker-data') ?? false;
      const volumes: StateInstance[] = [];
      for (const inst of r.instances) {
        const key = inst.index_key === undefined ? '' : String(inst.index_key);
        const a = inst.attributes ?? {};
        if (!names.has(key)) throw missing(r, inst.index_key, 'is not in the new stack');
        if (typeof a.id !== 'string' || !a.id) throw missing(r, inst.index_key, 'has no id in the state');
        if (IMPORTED.has(r.type)) {
          imports.push({ to: address(r.type, r.name, inst.index_key), id: a.id });
          fleet.imported.push(r.type);
          continue;
        }
        const next = names.get(key);
        if (isData && next !== a.name) {
          throw new CliError(`${where.state}: ${address(r.type, r.name, inst.index_key)} is the Docker data volume ${JSON.stringify(a.name)}, `
            + `and the new stack names it ${JSON.stringify(next instanceof Unknown ? String(next) : next)}: it would be replaced, blank; nothing was written`);
        }
        volumes.push(volumeEntry(inst, a.id, a));
        fleet.volumes++;
        if (isData) fleet.data++;
      }
      if (volumes.length) kept.push({ mode: 'managed', type: r.type, name: r.name, provider: r.provider, instances: volumes });
      continue;
    }
    if (media) {
      // the same construct path as on 0.8.3, and the volume the fleet uploads the file into
      const path = constructPath(body);
      const volume = path ? volumeAt(`${parentPath(path)}/${media}`) : undefined;
      if (!body || !volume) throw missing(r, undefined, `has no ${media} in the new stack`);
      const names = instancesOf(volume[1]);
      const fleet = fleetOf(body, r.name);
      const target = adopted.get(volume[0]) ?? { mode: 'managed', type: 'libvirt_volume', name: volume[0], provider: r.provider, instances: [] };
      for (const inst of r.instances) {
        const a = inst.attributes ?? {};
        const key = inst.index_key === undefined ? '' : String(inst.index_key);
        if (!names.has(key)) throw missing(r, inst.index_key, 'is not in the new stack');
        const volumeKey = typeof a.id === 'string' ? a.id.split(';')[0] : '';
        if (!volumeKey) throw missing(r, inst.index_key, 'has no volume key in its id');
        target.instances.push(volumeEntry(inst, volumeKey, a));
        fleet.media++;
      }
      adopted.set(volume[0], target);
      continue;
    }
    throw new CliError(`${where.state}: ${r.type}.${r.name} is not a resource of a LibvirtDockerFleet (${r.type} has no 0.9.7 counterpart here)`);
  }

  const report: string[] = [];
  for (const [fleet, f] of [...perFleet].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = (t: string) => f.imported.filter((x) => x === t).length;
    report.push(`${fleet}: import ${count('libvirt_domain')} domain(s), ${count('libvirt_network')} network(s), ${count('libvirt_pool')} pool(s) by UUID; `
      + `keep ${f.volumes} volume(s) (${f.data} Docker data) and ${f.media} first-boot volume(s) in the state`);
  }
  const next: Record<string, unknown> = {
    ...state,
    serial: state.serial + 1,
    resources: [...kept, ...[...adopted.values()]].sort((a, b) => (`${a.mode}.${a.type}.${a.name}` < `${b.mode}.${b.type}.${b.name}` ? -1 : 1)),
  };
  return { state: next, imports: { import: imports }, report };
}
