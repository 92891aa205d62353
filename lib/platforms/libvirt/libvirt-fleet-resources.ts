/**
 * The resource step of `LibvirtDockerFleet`: maps a `LibvirtFleetPlan` to dmacvicar/libvirt
 * 0.8.3 resources, one function per resource family. Every per-host resource is a `for_each`
 * over a map keyed by host name, so adding a host never changes the others.
 *
 * What differs per host is written once, as Terraform locals, so that synthesis costs about the
 * same for 1 host as for 1000 (cdktf resolves every value of the synthesized JSON three times):
 *
 * - `host-table`: one CSV line per host, `name,mac,address,wwn,hash` (`address` only when the
 *   network CIDR is literal; `hash` is the host's payload hash);
 * - `hosts`: that table as a map by host name (`csvdecode`), the `for_each` of the data volumes,
 *   the first-boot media and the domains;
 * - `first-boot`: the fleet's payload template; each host's payload is
 *   `replace(replace(template, HOST_MARK, each.key), WWN_MARK, each.value.wwn)`, which is exactly
 *   what rendering that host alone gives (libvirt-fleet-plan.ts checks it). When the plan has
 *   no exact template, `first-boot` is a map from host name to payload instead.
 *
 * The root volumes iterate a literal map from host name to payload hash: the one per-host map
 * that changes with the payload, where a reader looks for what a change replaces.
 *
 * lib/cli/terraform-eval.ts evaluates these expressions for `explain`, `diff` and the tests.
 *
 * The generated bindings are loaded on first use (here, not at import), so apps without libvirt
 * fleets never load them.
 */
import { Fn, MapTerraformIterator, TerraformIterator, TerraformLocal, Token } from 'cdktf';
import { Construct } from 'constructs';
import { escapeTemplate } from '../../core/terraform-text';
import { libvirtHostNames } from './artefact-names';
import type { CloudinitDisk } from './gen/providers/libvirt/cloudinit-disk';
import type { Domain } from './gen/providers/libvirt/domain';
import type { Ignition } from './gen/providers/libvirt/ignition';
import type { Network } from './gen/providers/libvirt/network';
import type { Pool } from './gen/providers/libvirt/pool';
import type { Volume } from './gen/providers/libvirt/volume';
import { HOST_MARK, LibvirtFleetPlan, WWN_MARK } from './libvirt-fleet-plan';
import { canonicalPoolPath, instanceAttributes, volumePath } from './sibling-refs';

/* eslint-disable @typescript-eslint/no-require-imports */
const gen = {
  pool: () => (require('./gen/providers/libvirt/pool') as typeof import('./gen/providers/libvirt/pool')).Pool,
  volume: () => (require('./gen/providers/libvirt/volume') as typeof import('./gen/providers/libvirt/volume')).Volume,
  network: () => (require('./gen/providers/libvirt/network') as typeof import('./gen/providers/libvirt/network')).Network,
  ignition: () => (require('./gen/providers/libvirt/ignition') as typeof import('./gen/providers/libvirt/ignition')).Ignition,
  cloudinit: () =>
    (require('./gen/providers/libvirt/cloudinit-disk') as typeof import('./gen/providers/libvirt/cloudinit-disk')).CloudinitDisk,
  domain: () => (require('./gen/providers/libvirt/domain') as typeof import('./gen/providers/libvirt/domain')).Domain,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const GIB = 1024 ** 3;

/** The fleet's per-host locals (see the file comment). */
export interface LibvirtHostLocals {
  /** `for_each` over `local.hosts`: `each.key` is the host name, `each.value.<column>` its row */
  readonly hosts: MapTerraformIterator;
  /** the host names in the fleet's order: `[ for key, val in csvdecode(local.host-table): val.name ]` */
  readonly hostNames: string[];
  /** `local.first-boot`: the payload template, or (without one) the map of payloads by host name */
  readonly firstBoot: TerraformLocal;
  readonly hasTemplate: boolean;
}

/** True when the plan has fixed addresses (a literal network CIDR). */
function hasAddresses(plan: LibvirtFleetPlan): boolean {
  return !Token.isUnresolved(plan.cidr);
}

/** Writes the host table, the host map and the first-boot template (see the file comment). */
export function hostLocalsFor(scope: Construct, plan: LibvirtFleetPlan): LibvirtHostLocals {
  const withAddress = hasAddresses(plan);
  const lines = plan.hosts.map((h) => (withAddress
    ? `${h.name},${h.mac},${h.address},${h.wwn},${h.hash}` : `${h.name},${h.mac},${h.wwn},${h.hash}`));
  const header = withAddress ? 'name,mac,address,wwn,hash' : 'name,mac,wwn,hash';
  // Names are DNS labels and the other columns hex, dots and colons: no CSV quoting, no `${`.
  const table = new TerraformLocal(scope, 'host-table', `${[header, ...lines].join('\n')}\n`);
  // `{ for key, val in csvdecode(local.host-table): val.name => val }` (key is the row index)
  const rows = TerraformIterator.fromMap(Token.asAnyMap(Fn.csvdecode(table.asString)));
  const hosts = new TerraformLocal(scope, 'hosts', rows.forExpressionForMap('val.name', 'val'));
  const template = plan.firstBootTemplate;
  const firstBoot = new TerraformLocal(scope, 'first-boot', template !== undefined
    ? escapeTemplate(template)
    : Object.fromEntries(plan.hosts.map((h) => [h.name, escapeTemplate(h.content!)])));
  return {
    hosts: TerraformIterator.fromMap(hosts.asAnyMap), hostNames: Token.asList(rows.forExpressionForList('val.name')), firstBoot,
    hasTemplate: template !== undefined,
  };
}

/** Each host's payload, as Terraform computes it from `local.first-boot`, marked sensitive. */
export function payloadExpression(locals: LibvirtHostLocals): string {
  const it = locals.hosts;
  const payload = locals.hasTemplate
    ? Fn.replace(Fn.replace(locals.firstBoot.asString, HOST_MARK, Token.asString(it.key)), WWN_MARK, it.getString('wwn'))
    : Fn.lookupNested(locals.firstBoot.asAnyMap, [it.key]);
  // Marked sensitive, like AWS user data: plans and `terraform show` print "(sensitive value)"
  // (the payload still sits in the synthesized JSON and the state, as any Terraform input does).
  return Token.asString(Fn.sensitive(payload));
}

export function poolFor(scope: Construct, plan: LibvirtFleetPlan): Pool | undefined {
  if (!plan.createPool) return undefined;
  return new (gen.pool())(scope, 'pool', { name: plan.createPool.name, type: 'dir', target: { path: plan.createPool.path } });
}

/** The base volume, the per-host root volumes on it, and the per-host Docker data volumes. */
export function volumesFor(scope: Construct, plan: LibvirtFleetPlan, pool: string, locals: LibvirtHostLocals):
{ base: Volume; root: Volume; data: Volume } {
  const VolumeClass = gen.volume();
  const base = new VolumeClass(scope, 'base', {
    name: plan.baseVolumeName,
    pool,
    source: plan.image.source,
    format: plan.image.format,
    lifecycle: { ignoreChanges: ['source'] },
  });
  // host name → payload hash: a new payload is a new root volume name (and with it a new domain)
  const rootIt = TerraformIterator.fromMap(Object.fromEntries(plan.hosts.map((h) => [h.name, h.hash])));
  const root = new VolumeClass(scope, 'root', {
    forEach: rootIt, name: namesOf(rootIt.key, rootIt.value).root, pool, baseVolumeId: base.id, size: plan.diskSizeGiB * GIB, format:
      'qcow2',
  });
  const dataIt = locals.hosts;
  const data = new VolumeClass(scope, 'docker-data', {
    forEach: dataIt, name: namesOf(dataIt.key).data, pool, size: plan.dataSizeGiB * GIB, format: 'qcow2',
    // size is ForceNew in provider 0.8.3 (no Update function): a changed dockerVolumeSizeGiB would
    // destroy every Docker data volume and create it blank. Existing volumes
    // keep their size; new hosts get the new one; grow an existing one by hand (README).
    lifecycle: { ignoreChanges: ['size'], ...(plan.retainDataVolumes ? { preventDestroy: true } : {}) },
  });
  return { base, root, data };
}

export function networkFor(scope: Construct, plan: LibvirtFleetPlan): Network {
  return new (gen.network())(scope, 'network', {
    name: plan.networkName,
    mode: 'nat',
    domain: plan.domainName,
    addresses: [plan.cidr],
    autostart: true,
    dhcp: { enabled: true },
    dns: { enabled: true, localOnly: true },
  });
}

/** A host's artefact names as Terraform templates of `each.key` and a payload hash (artefact-names.ts). */
function namesOf(key: unknown, hash: unknown = '') {
  return libvirtHostNames(Token.asString(key), Token.asString(hash));
}

/** The per-host first-boot media, as the domain attributes that attach them. */
export function firstBootMediaFor(scope: Construct, plan: LibvirtFleetPlan, pool: string, locals: LibvirtHostLocals):
{ coreosIgnition?: string; fwCfgName?: string; cloudinit?: string } {
  const delivery = plan.traits.delivery;
  const it = locals.hosts;
  const names = namesOf(it.key, it.getString('hash'));
  const key = Token.asString(it.key);
  // the ids carry a random part (`<volume key>;<uuid>`, provider v0.8.3 libvirt/coreos_ignition_def.go,
  // cloudinit_def.go): read once per plan through a map (sibling-refs.ts)
  if (delivery.kind === 'ignition') {
    const ignition: Ignition = new (gen.ignition())(scope, 'ignition', {
      forEach: it, name: names.ignition, pool, content: payloadExpression(locals),
    });
    return { coreosIgnition: instanceAttributes(scope, 'ignition-ids', ignition, 'id')(key), fwCfgName: delivery.fwCfgName };
  }
  const disk: CloudinitDisk = new (gen.cloudinit())(scope, 'cloudinit', {
    forEach: it, name: names.cloudinit, pool, userData: payloadExpression(locals),
    metaData: `instance-id: ${names.instanceId}\nlocal-hostname: ${key}\n`,
  });
  return { cloudinit: instanceAttributes(scope, 'cloudinit-ids', disk, 'id')(key) };
}

/** One domain per host: root disk, data disk (SCSI with a WWN), NIC with MAC and address, serial console. */
export function domainsFor(scope: Construct, plan: LibvirtFleetPlan, pool: string, network: Network,
  volumes: { root: Volume; data: Volume }, locals: LibvirtHostLocals): Domain {
  // With a token CIDR the addresses cannot be planned: the hosts take dynamic DHCP leases.
  const withAddress = hasAddresses(plan);
  const domIt = locals.hosts;
  const firstBoot = firstBootMediaFor(scope, plan, pool, locals);
  const key = Token.asString(domIt.key);
  // The volumes' ids: their paths in a pool the fleet creates, else read once per plan (sibling-refs.ts).
  const poolPath = canonicalPoolPath(plan.createPool?.path);
  const names = namesOf(key, domIt.getString('hash'));
  const volumeId = (volume: Volume, name: string, attr: string) => (poolPath !== undefined ? volumePath(poolPath, name)
    : instanceAttributes(scope, attr, volume, 'id')(key));
  return new (gen.domain())(scope, 'host', {
    forEach: domIt,
    name: key,
    memory: plan.memoryMiB,
    vcpu: plan.vcpus,
    autostart: plan.autostart,
    qemuAgent: false,
    // No `machine`: the default i440FX (pc) has the IDE bus 0.8.3 attaches cloud-init ISOs to.
    ...firstBoot,
    disk: [
      // The disk block is ForceNew: a new root volume (new payload hash) replaces the domain.
      { volumeId: volumeId(volumes.root, names.root, 'root-ids') },
      // SCSI with a WWN: udev links /dev/disk/by-id/wwn-0x<wwn>, a name the payload can rely on.
      { volumeId: volumeId(volumes.data, names.data, 'docker-data-ids'), scsi: true, wwn: domIt.getString('wwn') },
    ],
    networkInterface: [{
      networkId: network.id,
      hostname: key,
      mac: domIt.getString('mac'),
      ...(withAddress ? { addresses: [domIt.getString('address')] } : {}),
      waitForLease: true,
    }],
    console: [{ type: 'pty', targetPort: '0', targetType: 'serial' }],
    // the volumes named by value above exist before any domain uses them
    dependsOn: [volumes.root, volumes.data],
  });
}
