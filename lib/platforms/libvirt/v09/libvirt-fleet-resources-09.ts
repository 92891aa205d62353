/**
 * The resource step of `LibvirtDockerFleet` on dmacvicar/libvirt 0.9.7: maps the same
 * `LibvirtFleetPlan` as the 0.8.3 line (libvirt-fleet-resources.ts) to 0.9.7's resources, whose
 * schema mirrors libvirt's XML. The hosts, their names, MACs, addresses and WWNs, their payloads
 * and the names of their volumes are the 0.8.3 line's, so a fleet moved from 0.8.3 keeps its
 * volumes (README "libvirt provider 0.9").
 *
 * What differs per host is written once, as the same Terraform locals (`host-table`, `hosts`,
 * `first-boot`); the network's DHCP reservations are one `for` expression over them.
 *
 * 0.9.7 changes in place only what libvirt_domain holds; volumes and pools refuse every update
 * and networks apply only `autostart` (update-rules-09.ts). So:
 * - every volume, pool and network ignores the arguments 0.9.7 cannot update;
 * - what must replace a volume is in its name (a host's root volume and first-boot media carry
 *   its payload hash, as on 0.8.3) or in a `terraform_data` named by `replace_triggered_by`:
 *   `root-settings` (root disk size, base image) replaces every root volume, `network-settings`
 *   (CIDR, DNS domain) the network;
 * - a domain is replaced with its root volume (`replace_triggered_by`), so a re-provisioned host
 *   is a new domain on a new root volume, as on 0.8.3, and with the network (its NIC would stay
 *   unplugged from a re-created network's bridge; the root and data volumes stay).
 *
 * First boot (0.9.7 attaches nothing itself): `libvirt_ignition` / `libvirt_cloudinit_disk` write
 * the payload to a file on the machine running Terraform (internal/provider/ignition_resource.go,
 * cloudinit_disk_resource.go at v0.9.7), a `libvirt_volume` uploads it into the pool with mode
 * 0600, and the domain reads it from there:
 * - Ignition (Fedora CoreOS, Flatcar) through a libvirt `<sysinfo type='fwcfg'>` entry
 *   (`sys_info[].fw_cfg.entry[]`, `value = ""` because the schema requires it), the OS's fw_cfg
 *   key. libvirt labels the file for QEMU when the domain starts (DAC owner and SELinux
 *   context: virSecurityDACSetSysinfoLabel, virSecuritySELinuxSetSysinfoLabel in libvirt's
 *   src/security/), which a `qemu_commandline` `-fw_cfg` does not get: a 0600 file works only
 *   this way.
 * - cloud-init / tiny-cloud (Alpine): the NoCloud `cidata` ISO as a SATA cdrom (0.8.3 used IDE,
 *   which q35 machines lack).
 *
 * Host addresses are read back with the `libvirt_domain_interface_addresses` data source (0.9.7
 * domains have no address attribute).
 *
 * The generated bindings are loaded on first use, so apps without 0.9 fleets never load them.
 */
import { DataResource, Fn, TerraformIterator, TerraformOutput, TerraformResource, Token, ref } from 'cdktf';
import { Construct } from 'constructs';
import { parseLibvirtCidr } from '../host-identity';
import { LibvirtFleetPlan } from '../libvirt-fleet-plan';
import { LibvirtHostLocals, hostLocalsFor, payloadExpression } from '../libvirt-fleet-resources';
import { libvirtHostNames } from '../artefact-names';
import { canonicalPoolPath, instanceAttributes, volumePath } from '../sibling-refs';
import type { CloudinitDisk } from './gen/providers/libvirt/cloudinit-disk';
import type { DataLibvirtDomainInterfaceAddresses } from './gen/providers/libvirt/data-libvirt-domain-interface-addresses';
import type { Domain, DomainDevicesDisks, DomainSysInfo } from './gen/providers/libvirt/domain';
import type { Ignition } from './gen/providers/libvirt/ignition';
import type { Network } from './gen/providers/libvirt/network';
import type { Pool } from './gen/providers/libvirt/pool';
import type { Volume } from './gen/providers/libvirt/volume';
import { NETWORK_IGNORED_09, POOL_IGNORED_09, VOLUME_IGNORED_09 } from './update-rules-09';
import { readableOutput } from '../../readable-output';

/* eslint-disable @typescript-eslint/no-require-imports */
const gen = {
  pool: () => (require('./gen/providers/libvirt/pool') as typeof import('./gen/providers/libvirt/pool')).Pool,
  volume: () => (require('./gen/providers/libvirt/volume') as typeof import('./gen/providers/libvirt/volume')).Volume,
  network: () => (require('./gen/providers/libvirt/network') as typeof import('./gen/providers/libvirt/network')).Network,
  ignition: () => (require('./gen/providers/libvirt/ignition') as typeof import('./gen/providers/libvirt/ignition')).Ignition,
  cloudinit: () => (require('./gen/providers/libvirt/cloudinit-disk') as typeof import('./gen/providers/libvirt/cloudinit-disk')).CloudinitDisk,
  domain: () => (require('./gen/providers/libvirt/domain') as typeof import('./gen/providers/libvirt/domain')).Domain,
  addresses: () => (require('./gen/providers/libvirt/data-libvirt-domain-interface-addresses') as
    typeof import('./gen/providers/libvirt/data-libvirt-domain-interface-addresses')).DataLibvirtDomainInterfaceAddresses,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const GIB = 1024 ** 3;
/** Per-host volumes (root, Docker data, first-boot media): readable by their owner only; libvirt hands them to QEMU at start. */
const PRIVATE = { mode: '0600' };
/** Seconds a guest gets to shut down before libvirt stops it (the Docker data volume's file system is unmounted cleanly). */
const SHUTDOWN_SECONDS = 300;
/** Seconds `terraform apply` waits for a new host's DHCP lease (0.8.3 waited 5 minutes too). */
const LEASE_SECONDS = 300;

/** The resources of a 0.9.7 fleet that its construct exposes. */
export interface LibvirtFleetResources09 {
  readonly pool?: TerraformResource;
  readonly poolName: string;
  readonly baseVolume: TerraformResource;
  readonly network: TerraformResource & { readonly id: string };
  readonly domains: TerraformResource;
  readonly hostNamesOutput: TerraformOutput;
  readonly hostAddressesOutput: TerraformOutput;
  /** a host's IPv4 address (a token), read back from libvirt's DHCP leases */
  addressOf(hostName: string): string;
}

/** All resources of a 0.9.7 fleet, in dependency order (see the file comment). */
export function libvirtFleetResources09(scope: Construct, id: string, plan: LibvirtFleetPlan): LibvirtFleetResources09 {
  const pool = poolFor09(scope, plan);
  const poolName = pool ? pool.name : plan.existingPool!;
  const locals = hostLocalsFor(scope, plan);
  const volumes = volumesFor09(scope, plan, poolName, locals);
  // What replaces the network (and with it every domain, whose NIC a new network would leave unplugged)
  const networkSettings = new DataResource(scope, 'network-settings', { input: { cidr: plan.cidr, domain: plan.domainName } });
  const network = networkFor09(scope, plan, locals, networkSettings);
  const domains = domainsFor09(scope, plan, poolName, network, volumes, locals, networkSettings);
  const addresses: DataLibvirtDomainInterfaceAddresses = new (gen.addresses())(scope, 'addresses', {
    forEach: locals.hosts, source: 'lease',
    domain: instanceAttributes(scope, 'domain-uuids', domains, 'uuid')(Token.asString(locals.hosts.key)),
  });
  const leaseOf = (key: unknown) => Token.asString(Fn.try([Fn.lookupNested(Token.asAny(addresses.fqn), [key, 'interfaces', 0, 'addrs', 0, 'addr']), ref('null')]));
  return {
    pool, poolName, baseVolume: volumes.base, network, domains,
    hostNamesOutput: readableOutput(scope, 'host-names', { value: locals.hostNames, description: `Host names of the ${id} fleet` }),
    hostAddressesOutput: readableOutput(scope, 'host-addresses', {
      value: TerraformIterator.fromDataSources(addresses).forExpressionForMap('key', 'try(val.interfaces[0].addrs[0].addr, null)'),
      description: `IPv4 address of each host of the ${id} fleet, by host name`,
    }),
    addressOf: (hostName) => leaseOf(hostName),
  };
}

/**
 * A resource's address for `replace_triggered_by`. Terraform reads each entry of it in JSON as
 * an HCL expression: a plain `type.name[each.key]`, not the `${...}` cdktf writes for a resource
 * object (terraform 1.11: "Invalid character").
 */
function addressOf(resource: TerraformResource, index = ''): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}${index}`;
}

/** A host's artefact names as Terraform templates of `each.key` and a payload hash (artefact-names.ts). */
function namesOf(key: unknown, hash: unknown = '') {
  return libvirtHostNames(Token.asString(key), Token.asString(hash));
}

function poolFor09(scope: Construct, plan: LibvirtFleetPlan): Pool | undefined {
  if (!plan.createPool) return undefined;
  // A changed poolPath is ignored: replacing a pool would orphan every volume in it.
  return new (gen.pool())(scope, 'pool', {
    name: plan.createPool.name, type: 'dir', target: { path: plan.createPool.path }, lifecycle: { ignoreChanges: POOL_IGNORED_09 },
  });
}

interface Volumes09 { readonly base: Volume; readonly root: Volume; readonly data: Volume }

/** The base volume, the per-host root volumes on it, and the per-host Docker data volumes. */
function volumesFor09(scope: Construct, plan: LibvirtFleetPlan, pool: string, locals: LibvirtHostLocals): Volumes09 {
  const VolumeClass = gen.volume();
  // A new image release replaces nothing (as on 0.8.3): the upload's URL is ignored with the rest.
  const base = new VolumeClass(scope, 'base', {
    name: plan.baseVolumeName, pool,
    target: { format: { type: plan.image.format } },
    create: { content: { url: plan.image.source } },
    lifecycle: { ignoreChanges: VOLUME_IGNORED_09 },
  });
  // What replaces every root volume besides its payload hash: the disk size and the base image.
  const rootSettings = new DataResource(scope, 'root-settings', {
    input: { capacity: plan.diskSizeGiB * GIB, base_volume: plan.baseVolumeName },
  });
  // host name → payload hash: a new payload is a new root volume name, and with it a new domain
  const rootIt = TerraformIterator.fromMap(Object.fromEntries(plan.hosts.map((h) => [h.name, h.hash])));
  const root = new VolumeClass(scope, 'root', {
    forEach: rootIt, name: namesOf(rootIt.key, rootIt.value).root, pool,
    capacity: plan.diskSizeGiB * GIB,
    target: { format: { type: 'qcow2' }, permissions: PRIVATE },
    backingStore: { path: base.path, format: { type: plan.image.format } },
    lifecycle: { ignoreChanges: VOLUME_IGNORED_09, replaceTriggeredBy: [addressOf(rootSettings)] },
  });
  // The Docker data volume: only its name (the host's) replaces it. A changed
  // dockerVolumeSizeGiB reaches hosts added later; existing volumes keep their size and data.
  const data = new VolumeClass(scope, 'docker-data', {
    forEach: locals.hosts, name: namesOf(locals.hosts.key).data, pool,
    capacity: plan.dataSizeGiB * GIB,
    target: { format: { type: 'qcow2' }, permissions: PRIVATE },
    lifecycle: { ignoreChanges: VOLUME_IGNORED_09, ...(plan.retainDataVolumes ? { preventDestroy: true } : {}) },
  });
  return { base, root, data };
}

/**
 * The NAT network: the gateway (.1) serves DHCP and DNS, with a reservation per host (its MAC,
 * planned address and name: `<host>.<domain>` resolves) from the fleet's locals. 0.9.7 never
 * redefines a network in place, so the reservations are those of the hosts present when the
 * network was created; a host added later takes a lease from the range (README).
 */
function networkFor09(scope: Construct, plan: LibvirtFleetPlan, locals: LibvirtHostLocals, settings: DataResource): Network {
  const literal = !Token.isUnresolved(plan.cidr);
  const ip = literal ? literalAddressing(plan.cidr) : {
    address: Token.asString(Fn.cidrhost(plan.cidr, 1)),
    prefix: Token.asNumber(Fn.tonumber(Fn.element(Fn.split('/', plan.cidr), 1))),
    start: Token.asString(Fn.cidrhost(plan.cidr, 2)),
    end: Token.asString(Fn.cidrhost(plan.cidr, -2)),
  };
  // With a token CIDR no address is planned, so there is nothing to reserve.
  const hosts = literal ? locals.hosts.forExpressionForList('{ mac = val.mac, ip = val.address, name = key }') : undefined;
  return new (gen.network())(scope, 'network', {
    name: plan.networkName,
    autostart: true,
    forward: { mode: 'nat' },
    domain: { name: plan.domainName, localOnly: 'yes' },
    dns: { enable: 'yes' },
    ips: [{
      address: ip.address, prefix: ip.prefix,
      dhcp: { ranges: [{ start: ip.start, end: ip.end }], ...(hosts ? { hosts } : {}) },
    }],
    lifecycle: { ignoreChanges: NETWORK_IGNORED_09, replaceTriggeredBy: [addressOf(settings)] },
  });
}

/** Gateway (.1), prefix and the DHCP range (.2 to the last before broadcast) of a literal CIDR. */
function literalAddressing(cidr: string): { address: string; prefix: number; start: string; end: string } {
  const net = parseLibvirtCidr('networkCidr', cidr);
  const ip = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  const last = net.base + 2 ** (32 - net.prefix) - 1;
  return { address: ip(net.base + 1), prefix: net.prefix, start: ip(net.base + 2), end: ip(last - 1) };
}

/** The per-host first-boot media: the domain attributes that attach them. */
function firstBootMedia09(scope: Construct, plan: LibvirtFleetPlan, pool: string, locals: LibvirtHostLocals):
{ sysInfo?: DomainSysInfo[]; cdrom?: DomainDevicesDisks; media: Volume } {
  const delivery = plan.traits.delivery;
  const it = locals.hosts;
  const key = Token.asString(it.key);
  const names = namesOf(it.key, it.getString('hash'));
  // the file's path is in the temporary directory of the machine running Terraform: read once per plan (sibling-refs.ts)
  const upload = (id: string, name: string, file: TerraformResource): Volume => new (gen.volume())(scope, id, {
    forEach: it, name, pool,
    target: { format: { type: 'raw' }, permissions: PRIVATE },
    create: { content: { url: instanceAttributes(scope, `${id}-sources`, file, 'path')(key) } },
    // the local file's path is only known after it is written again (a cleaned temp directory):
    // the volume, named after the payload hash, is replaced only with a new payload
    lifecycle: { ignoreChanges: VOLUME_IGNORED_09 },
  });
  if (delivery.kind === 'ignition') {
    const file: Ignition = new (gen.ignition())(scope, 'ignition', { forEach: it, name: names.ignition, content: payloadExpression(locals) });
    const volume = upload('ignition-volume', names.ignition, file);
    // its path: a value in a pool the fleet creates, else read once per plan
    const poolPath = canonicalPoolPath(plan.createPool?.path);
    const path = poolPath !== undefined ? volumePath(poolPath, names.ignition)
      : instanceAttributes(scope, 'ignition-volume-paths', volume, 'path')(key);
    return { sysInfo: [{ fwCfg: { entry: [{ name: delivery.fwCfgName, file: path, value: '' }] } }], media: volume };
  }
  const file: CloudinitDisk = new (gen.cloudinit())(scope, 'cloudinit', {
    forEach: it, name: names.cloudinit, userData: payloadExpression(locals),
    metaData: `instance-id: ${names.instanceId}\nlocal-hostname: ${Token.asString(it.key)}\n`,
  });
  const volume = upload('cloudinit-volume', names.cloudinit, file);
  return {
    media: volume,
    cdrom: {
      device: 'cdrom', readOnly: true,
      source: { volume: { pool, volume: names.cloudinit } },
      target: { dev: 'sdb', bus: 'sata' },
      driver: { name: 'qemu', type: 'raw' },
    },
  };
}

/** One domain per host: root disk, data disk (SCSI with a WWN), NIC with its MAC, serial console, entropy. */
function domainsFor09(scope: Construct, plan: LibvirtFleetPlan, pool: string, network: Network, volumes: Volumes09, locals: LibvirtHostLocals,
  networkSettings: DataResource): Domain {
  const it = locals.hosts;
  const media = firstBootMedia09(scope, plan, pool, locals);
  // volumes by name, a value (sibling-refs.ts); `depends_on` below orders them before the domains
  const names = namesOf(it.key, it.getString('hash'));
  return new (gen.domain())(scope, 'host', {
    forEach: it,
    name: Token.asString(it.key),
    type: 'kvm',
    memory: plan.memoryMiB,
    memoryUnit: 'MiB',
    vcpu: plan.vcpus,
    running: true,
    autostart: plan.autostart,
    os: { type: 'hvm', bootDevices: [{ dev: 'hd' }] },
    features: { acpi: true, apic: {} },
    ...(media.sysInfo ? { sysInfo: media.sysInfo } : {}),
    devices: {
      disks: [
        {
          source: { volume: { pool, volume: names.root } }, target: { dev: 'vda', bus: 'virtio' }, driver: { name: 'qemu', type: 'qcow2' },
        },
        // SCSI with a WWN: udev links /dev/disk/by-id/wwn-0x<wwn>, a name the payload can rely on.
        {
          source: { volume: { pool, volume: names.data } }, target: { dev: 'sda', bus: 'scsi' }, driver: { name: 'qemu', type: 'qcow2' },
          wwn: it.getString('wwn'),
        },
        ...(media.cdrom ? [media.cdrom] : []),
      ],
      controllers: [{ type: 'scsi', model: 'virtio-scsi' }],
      interfaces: [{
        source: { network: { network: network.name } },
        mac: { address: it.getString('mac') },
        model: { type: 'virtio' },
        waitForIp: { timeout: LEASE_SECONDS, source: 'lease' },
      }],
      consoles: [{ target: { type: 'serial', port: 0 } }],
      rngs: [{ model: 'virtio', backend: { random: '/dev/urandom' } }],
    },
    // A guest shutdown, not a power cut, before libvirt redefines or removes a domain.
    update: { shutdown: { timeout: SHUTDOWN_SECONDS } },
    destroy: { graceful: true, shutdown: { timeout: SHUTDOWN_SECONDS } },
    // A new root volume (new payload, disk size or base image) is a new domain, as on 0.8.3. So
    // is a new network: libvirt does not plug running guests into a re-created network's bridge
    // (libvirt commit 85bcc022, "network: reconnect tap devices during networkNotifyActualDevice").
    lifecycle: { replaceTriggeredBy: [addressOf(volumes.root, '[each.key]'), addressOf(networkSettings)] },
    dependsOn: [volumes.root, volumes.data, media.media],
  });
}
