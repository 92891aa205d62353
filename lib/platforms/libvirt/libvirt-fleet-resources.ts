/**
 * The resource step of `LibvirtDockerFleet`: maps a `LibvirtFleetPlan` to dmacvicar/libvirt
 * 0.8.3 resources, one function per resource family. Every per-host resource is a `for_each`
 * over a map keyed by host name, so adding a host never changes the others.
 *
 * The generated bindings are loaded on first use (here, not at import), so apps without libvirt
 * fleets never load them.
 */
import { Fn, MapTerraformIterator, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { CloudinitDisk } from './gen/providers/libvirt/cloudinit-disk';
import type { Domain } from './gen/providers/libvirt/domain';
import type { Ignition } from './gen/providers/libvirt/ignition';
import type { Network } from './gen/providers/libvirt/network';
import type { Pool } from './gen/providers/libvirt/pool';
import type { Volume } from './gen/providers/libvirt/volume';
import { LibvirtFleetPlan, LibvirtHostPlan } from './libvirt-fleet-plan';

/* eslint-disable @typescript-eslint/no-require-imports */
const gen = {
  pool: () => (require('./gen/providers/libvirt/pool') as typeof import('./gen/providers/libvirt/pool')).Pool,
  volume: () => (require('./gen/providers/libvirt/volume') as typeof import('./gen/providers/libvirt/volume')).Volume,
  network: () => (require('./gen/providers/libvirt/network') as typeof import('./gen/providers/libvirt/network')).Network,
  ignition: () => (require('./gen/providers/libvirt/ignition') as typeof import('./gen/providers/libvirt/ignition')).Ignition,
  cloudinit: () => (require('./gen/providers/libvirt/cloudinit-disk') as typeof import('./gen/providers/libvirt/cloudinit-disk')).CloudinitDisk,
  domain: () => (require('./gen/providers/libvirt/domain') as typeof import('./gen/providers/libvirt/domain')).Domain,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const GIB = 1024 ** 3;

/** A `for_each` iterator over the hosts, keyed by name. */
function perHost<V>(plan: LibvirtFleetPlan, value: (h: LibvirtHostPlan) => V): MapTerraformIterator {
  const map: { [name: string]: V } = {};
  for (const h of plan.hosts) map[h.name] = value(h);
  return TerraformIterator.fromMap(map);
}

/** `resource[each.key].attribute` of a sibling for_each resource. */
function sibling(resource: { fqn: string }, it: MapTerraformIterator, attribute: string): string {
  return Token.asString(Fn.lookupNested(Token.asAny(resource.fqn), [it.key, attribute]));
}

/**
 * Terraform reads `${` and `%{` in JSON strings as template syntax; the payload must reach the
 * provider as it is, so those are escaped (`$${`, `%%{`).
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

export function poolFor(scope: Construct, plan: LibvirtFleetPlan): Pool | undefined {
  if (!plan.createPool) return undefined;
  return new (gen.pool())(scope, 'pool', { name: plan.createPool.name, type: 'dir', target: { path: plan.createPool.path } });
}

/** The base volume, the per-host root volumes on it, and the per-host Docker data volumes. */
export function volumesFor(scope: Construct, plan: LibvirtFleetPlan, pool: string): { base: Volume; root: Volume; data: Volume } {
  const VolumeClass = gen.volume();
  const base = new VolumeClass(scope, 'base', {
    name: plan.baseVolumeName,
    pool,
    source: plan.image.source,
    format: plan.image.format,
    lifecycle: { ignoreChanges: ['source'] },
  });
  const rootIt = perHost(plan, (h) => ({ name: h.names.root }));
  const root = new VolumeClass(scope, 'root', {
    forEach: rootIt, name: rootIt.getString('name'), pool, baseVolumeId: base.id, size: plan.diskSizeGiB * GIB, format: 'qcow2',
  });
  const dataIt = perHost(plan, (h) => ({ name: h.names.data }));
  const data = new VolumeClass(scope, 'docker-data', {
    forEach: dataIt, name: dataIt.getString('name'), pool, size: plan.dataSizeGiB * GIB, format: 'qcow2',
    // size is ForceNew in provider 0.8.3 (no Update function): a changed dockerVolumeSizeGiB would
    // destroy every Docker data volume and create it blank (review-2026-11.md C10). Existing volumes
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

/** The per-host first-boot media, as the domain attributes that attach them. */
export function firstBootMediaFor(scope: Construct, plan: LibvirtFleetPlan, pool: string, domIt: MapTerraformIterator):
{ coreosIgnition?: string; fwCfgName?: string; cloudinit?: string } {
  const delivery = plan.traits.delivery;
  if (delivery.kind === 'ignition') {
    const it = perHost(plan, (h) => ({ name: h.names.ignition, content: escapeTemplate(h.content) }));
    // Marked sensitive, like AWS user data: plans and `terraform show` print "(sensitive value)"
    // (the payload still sits in the synthesized JSON and the state, as any Terraform input does).
    const ignition: Ignition = new (gen.ignition())(scope, 'ignition', { forEach: it, name: it.getString('name'), pool, content: Fn.sensitive(it.getString('content')) });
    return { coreosIgnition: sibling(ignition, domIt, 'id'), fwCfgName: delivery.fwCfgName };
  }
  const it = perHost(plan, (h) => ({
    name: h.names.cloudinit,
    user_data: escapeTemplate(h.content),
    meta_data: `instance-id: ${h.names.instanceId}\nlocal-hostname: ${h.name}\n`,
  }));
  const disk: CloudinitDisk = new (gen.cloudinit())(scope, 'cloudinit', {
    forEach: it, name: it.getString('name'), pool, userData: Fn.sensitive(it.getString('user_data')), metaData: it.getString('meta_data'),
  });
  return { cloudinit: sibling(disk, domIt, 'id') };
}

/** One domain per host: root disk, data disk (SCSI with a WWN), NIC with MAC and address, serial console. */
export function domainsFor(scope: Construct, plan: LibvirtFleetPlan, pool: string, network: Network, volumes: { root: Volume; data: Volume }): Domain {
  // With a token CIDR the addresses cannot be planned: the hosts take dynamic DHCP leases.
  const hasAddresses = !Token.isUnresolved(plan.cidr);
  const domIt = perHost(plan, (h) => ({ mac: h.mac, ...(hasAddresses ? { address: h.address } : {}), wwn: h.wwn }));
  const firstBoot = firstBootMediaFor(scope, plan, pool, domIt);
  const key = Token.asString(domIt.key);
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
      { volumeId: sibling(volumes.root, domIt, 'id') },
      // SCSI with a WWN: udev links /dev/disk/by-id/wwn-0x<wwn>, a name the payload can rely on.
      { volumeId: sibling(volumes.data, domIt, 'id'), scsi: true, wwn: domIt.getString('wwn') },
    ],
    networkInterface: [{
      networkId: network.id,
      hostname: key,
      mac: domIt.getString('mac'),
      ...(hasAddresses ? { addresses: [domIt.getString('address')] } : {}),
      waitForLease: true,
    }],
    console: [{ type: 'pty', targetPort: '0', targetType: 'serial' }],
  });
}
