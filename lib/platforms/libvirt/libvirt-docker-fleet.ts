import { Annotations, Fn, TerraformIterator, TerraformOutput, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { HostConfig, mergeHostModels } from '../../bootconfig/host-config';
import { DataVolumeModel, HostModel, emptyHostModel } from '../../bootconfig/model';
import { Errors } from '../../core/errors';
import { fingerprintOf } from '../../core/fingerprint';
import { requireAbsolutePath, requireArray, requireBoolean, requireInteger } from '../../core/validation';
import { ContainerOs } from '../../os/container-os';
import { Platform } from '../../os/enums';
import { UpdatePolicy, requirePolicy } from '../../os/update-policy';
import { CloudinitDisk } from './gen/providers/libvirt/cloudinit-disk';
import { Domain } from './gen/providers/libvirt/domain';
import { Ignition } from './gen/providers/libvirt/ignition';
import { Network } from './gen/providers/libvirt/network';
import { Pool } from './gen/providers/libvirt/pool';
import { Volume } from './gen/providers/libvirt/volume';
import { dataDiskWwn, parseLibvirtCidr, planAddresses, planMacs } from './host-identity';
import { LibvirtImage } from './libvirt-image';

const GIB = 1024 ** 3;
const DEFAULT_CIDR = '10.17.3.0/24';
const DNS_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const LIBVIRT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/** Properties of a `LibvirtDockerFleet`. */
export interface LibvirtDockerFleetProps {
  /** The host OS and its channel, e.g. `ContainerOs.flatcar()`. Bottlerocket has no libvirt image. */
  readonly os: ContainerOs;

  /**
   * Number of hosts. Must be a literal whole number: hosts are keyed by name at synth time.
   */
  readonly hostCount: number;

  /**
   * Host names, one per host (each a single DNS label; the network's DNS domain is appended).
   * Hosts are keyed by name: removing a name removes that host only. Append new names at the
   * end: a host's address depends on its name, and only on hosts listed before it when their
   * hashed addresses collide (see `plannedAddresses`).
   * @default - `<construct id>-0` … `<construct id>-<hostCount - 1>`
   */
  readonly hostNames?: string[];

  /**
   * What every host looks like: SSH keys, files, units, containers, Docker settings. The
   * library's defaults are the merge parent; this config wins. Each host's name is set by the
   * fleet (a `hostname` here is replaced, with a warning).
   * @default - an empty HostConfig (Docker enabled, the OS's defaults)
   */
  readonly hostConfig?: HostConfig;

  /**
   * How the hosts take OS updates.
   * @default UpdatePolicy.defaultWindow() - weekly, Sunday 03:00 UTC for 2 hours
   */
  readonly updatePolicy?: UpdatePolicy;

  /**
   * The image the hosts boot from, uploaded once into the pool as the base volume.
   * @default - the OS channel's published image where it can be used as it is (Flatcar,
   * Alpine); Fedora CoreOS publishes only a compressed image, so it needs `LibvirtImage.fromPath`
   */
  readonly image?: LibvirtImage;

  /**
   * Memory per host, MiB. At least the OS's minimum (Fedora CoreOS 2048, Flatcar 1024, Alpine 256).
   * @default 2048
   */
  readonly memoryMiB?: number;

  /**
   * Virtual CPUs per host, 1 to 256.
   * @default 2
   */
  readonly vcpus?: number;

  /**
   * Size of each host's root volume (a copy-on-write overlay on the base image), GiB. It must
   * not be smaller than the image's virtual size (Fedora CoreOS: 10 GiB). Changing it
   * re-provisions every host.
   * @default 20
   */
  readonly diskSizeGiB?: number;

  /**
   * Size of each host's Docker data volume, mounted at /var/lib/docker. The volume outlives
   * re-provisioning (its file system is only created when the disk is blank).
   * @default 20
   */
  readonly dockerVolumeSizeGiB?: number;

  /**
   * Protect the Docker data volumes with `lifecycle.prevent_destroy`: Terraform then refuses to
   * destroy them (removing a host or `cdktf destroy` fails until this is turned off).
   * Re-provisioning a host never destroys its data volume either way.
   * @default false
   */
  readonly retainDataVolumes?: boolean;

  /**
   * An existing libvirt storage pool to put all volumes in. When set, no pool is created.
   * @default - a `dir` pool named after the construct id is created at `poolPath`
   */
  readonly poolName?: string;

  /**
   * Directory of the pool the fleet creates (only without `poolName`).
   * @default '/var/lib/libvirt/images/<construct id>'
   */
  readonly poolPath?: string;

  /**
   * Name of the libvirt NAT network the fleet creates.
   * @default - the construct id
   */
  readonly networkName?: string;

  /**
   * IPv4 block of the fleet's NAT network, network form, prefix /8 to /29. libvirt takes the
   * first address (.1) as gateway, DNS and DHCP server; the hosts get fixed addresses in the
   * rest. A token is accepted, and then the hosts take DHCP addresses.
   * @default '10.17.3.0/24'
   */
  readonly networkCidr?: string;

  /**
   * DNS domain of the network: hosts resolve each other as `<host>.<domain>` through
   * libvirt's dnsmasq, which answers it locally and never forwards it.
   * @default '<construct id in lower case>.internal'
   */
  readonly domainName?: string;

  /**
   * Start the hosts when the libvirt host boots.
   * @default true
   */
  readonly autostart?: boolean;
}

/**
 * A fleet of Docker hosts on libvirt/KVM (dmacvicar/libvirt 0.8.3): a storage pool, a base
 * volume from the OS image, a NAT network, and per host a copy-on-write root volume, a Docker
 * data volume, the first-boot media (Ignition through QEMU fw_cfg, or a cloud-init NoCloud ISO)
 * and a domain.
 *
 * Hosts are `for_each` instances keyed by host name, so adding a host never changes the
 * others. Each host's root volume (and Ignition volume / cloud-init ISO) is named after a hash
 * of that host's first-boot payload: a changed HostConfig or update policy re-provisions the
 * host (new root volume, new domain, first boot runs again) while its Docker data volume, MAC
 * and address stay. A new image release does not replace hosts (`ignore_changes` on the base
 * volume's source); the OS updates itself.
 *
 * Addresses, MACs and the data disk's WWN are derived from the host name (not its index).
 *
 * @example
 * new LibvirtDockerFleet(stack, 'docker', {
 *   os: ContainerOs.flatcar(),
 *   hostCount: 3,
 *   hostConfig: new HostConfig({ sshAuthorizedKeys: ['ssh-ed25519 AAAA… ops'] }),
 * });
 */
export class LibvirtDockerFleet extends Construct {
  /** The hosts' names, in order. */
  public readonly hostNames: string[];
  /**
   * The fixed address of each host by name, as configured on the network's DHCP host table.
   * Empty when `networkCidr` is a token (the hosts then take dynamic DHCP addresses).
   */
  public readonly plannedAddresses: { [hostName: string]: string };
  /**
   * The fleet's NAT network (a `libvirt_network`). Typed as a plain `TerraformResource` so the
   * provider's shapes stay out of this API; use `networkId`/`networkName`, or escape hatches
   * such as `addOverride`.
   */
  public readonly network: TerraformResource;
  /** The libvirt id (UUID) of the network, a token resolved at apply time. */
  public readonly networkId: string;
  /** The libvirt name of the network. */
  public readonly networkName: string;
  /** The storage pool the fleet created (`libvirt_pool`); undefined when `poolName` names an existing pool. */
  public readonly pool?: TerraformResource;
  /** The name of the pool holding the fleet's volumes. */
  public readonly poolName: string;
  /** The base volume uploaded from the image (`libvirt_volume`). */
  public readonly baseVolume: TerraformResource;
  /** The domains (`libvirt_domain`), one `for_each` instance per host name. */
  public readonly domains: TerraformResource;
  /** Output: the host names (a list). */
  public readonly hostNamesOutput: TerraformOutput;
  /** Output: a map from host name to the host's IPv4 address, read from the running domains. */
  public readonly hostAddressesOutput: TerraformOutput;

  /**
   * @param scope the stack (or construct) the fleet belongs to; it must hold a LibvirtProvider
   * @param id the fleet's construct id: default host names are `<id>-0`, `<id>-1`, …, and renaming it replaces the fleet
   * @param props what to run and how large the hosts are
   */
  constructor(scope: Construct, id: string, props: LibvirtDockerFleetProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') throw Errors.notAnObject('props', props);
    const os = props.os;
    if (!(os instanceof ContainerOs)) throw Errors.notOneOf('os', os, ['ContainerOs.fedoraCoreOs()', 'ContainerOs.flatcar()', 'ContainerOs.alpine()']);
    // The OS decides first: Bottlerocket (no libvirt image) fails here with its own message.
    const delivery = os._libvirtDelivery();
    if (props.image !== undefined && !(props.image instanceof LibvirtImage)) {
      throw Errors.notOneOf('image', props.image, ['LibvirtImage.fromUrl(url)', 'LibvirtImage.fromPath(path)']);
    }
    const image = props.image ?? LibvirtImage.ofOs(os);
    if (props.hostConfig !== undefined && !(props.hostConfig instanceof HostConfig)) {
      throw Errors.notOneOf('hostConfig', props.hostConfig, ['a HostConfig (new HostConfig({...}))']);
    }
    const updatePolicy = props.updatePolicy === undefined ? undefined : requirePolicy(props.updatePolicy);

    // --- sizes ------------------------------------------------------------------------------
    if (Token.isUnresolved(props.hostCount)) throw Errors.literalRequired('hostCount', props.hostCount, 'hosts are keyed by name at synth time');
    const hostCount = requireInteger('hostCount', props.hostCount, 0);
    const memoryMiB = props.memoryMiB === undefined ? Math.max(2048, os._minMemoryMiB) : requireInteger('memoryMiB', props.memoryMiB, 1);
    if (memoryMiB < os._minMemoryMiB) throw Errors.memoryBelowMinimum(os.displayName, props.memoryMiB, os._minMemoryMiB);
    const vcpus = props.vcpus === undefined ? 2 : requireInteger('vcpus', props.vcpus, 1, 256);
    const diskSizeGiB = props.diskSizeGiB === undefined ? 20 : requireInteger('diskSizeGiB', props.diskSizeGiB, 1, 65536);
    const dataSizeGiB = props.dockerVolumeSizeGiB === undefined ? 20 : requireInteger('dockerVolumeSizeGiB', props.dockerVolumeSizeGiB, 1, 65536);
    const retain = props.retainDataVolumes === undefined ? false : requireBoolean('retainDataVolumes', props.retainDataVolumes);
    const autostart = props.autostart === undefined ? true : requireBoolean('autostart', props.autostart);

    // --- names ------------------------------------------------------------------------------
    this.hostNames = resolveHostNames(id, hostCount, props.hostNames);
    const poolName = props.poolName === undefined ? undefined : requireLibvirtName('poolName', props.poolName);
    if (poolName !== undefined && props.poolPath !== undefined) {
      throw Errors.conflictingProps('poolPath', props.poolPath, 'poolName', 'poolPath is the directory of the pool the fleet creates, and with poolName the fleet uses an existing pool');
    }
    const networkName = props.networkName === undefined ? requireLibvirtName('networkName (default: the construct id)', id) : requireLibvirtName('networkName', props.networkName);
    const domainName = props.domainName === undefined ? `${id.toLowerCase()}.internal` : props.domainName;
    if (!Token.isUnresolved(domainName) && (typeof domainName !== 'string' || domainName.length > 253 || !domainName.split('.').every((l) => DNS_LABEL.test(l)))) {
      throw Errors.badDnsDomain(props.domainName === undefined ? 'domainName (default: <construct id>.internal)' : 'domainName', domainName);
    }

    // --- network and addresses ------------------------------------------------------------
    const cidr = props.networkCidr === undefined ? DEFAULT_CIDR : props.networkCidr;
    const plannedAddresses: { [hostName: string]: string } = {};
    if (!Token.isUnresolved(cidr)) {
      const net = parseLibvirtCidr('networkCidr', cidr);
      if (hostCount > net.usable) throw Errors.cidrTooSmall('networkCidr', cidr, hostCount, net.usable);
      const plan = planAddresses(this.hostNames, net);
      for (const name of this.hostNames) plannedAddresses[name] = plan.addresses.get(name)!;
      for (const [name, first] of plan.collisions) {
        Annotations.of(this).addInfo(`host ${name}'s hashed address was taken by ${first}, so it got the next free one (${plannedAddresses[name]}); it moves if ${first} is removed`);
      }
    }
    this.plannedAddresses = plannedAddresses;
    const macs = planMacs(this.hostNames);

    // --- first-boot payloads ----------------------------------------------------------------
    const userModel = props.hostConfig ? props.hostConfig._toModel() : emptyHostModel();
    if (userModel.hostname !== undefined) {
      Annotations.of(this).addWarning(`hostConfig.hostname '${userModel.hostname}' is replaced by each host's own name (${this.hostNames.slice(0, 3).join(', ')}${this.hostNames.length > 3 ? ', …' : ''})`);
    }
    const warnings = new Set<string>();
    const hosts = this.hostNames.map((name) => {
      const wwn = dataDiskWwn(name);
      const payload = os._render(hostModel(userModel, name, os._udevDiskNames ? `/dev/disk/by-id/wwn-0x${wwn}` : undefined), {
        platform: Platform.LIBVIRT, updatePolicy, hostname: name,
      });
      payload.warnings.forEach((w) => warnings.add(w));
      return { name, wwn, content: payload.content, hash: fingerprintOf(payload.content) };
    });
    for (const w of warnings) Annotations.of(this).addWarning(w);

    // --- storage ----------------------------------------------------------------------------
    let createdPool: Pool | undefined;
    if (poolName === undefined) {
      const poolPath = props.poolPath === undefined ? `/var/lib/libvirt/images/${id}` : requireAbsolutePath('poolPath', props.poolPath);
      createdPool = new Pool(this, 'pool', {
        name: requireLibvirtName('poolName (default: the construct id)', id),
        type: 'dir',
        target: { path: poolPath },
      });
    }
    this.pool = createdPool;
    const pool = createdPool ? createdPool.name : poolName!;
    this.poolName = createdPool ? createdPool.name : poolName!;

    const osSlug = `${os.name}-${os.channel}`.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '');
    const baseVolume = new Volume(this, 'base', {
      // The OS is in the name, so switching OS replaces the base (and with it every host); a new
      // location of the same OS's image is ignored, like a new AMI on AWS.
      name: `${id}-${osSlug}-base.${image.format}`,
      pool,
      source: image.source,
      format: image.format,
      lifecycle: { ignoreChanges: ['source'] },
    });

    this.baseVolume = baseVolume;

    const rootIt = TerraformIterator.fromMap(mapOf(hosts, (h) => ({ name: `${h.name}-root-${h.hash}.qcow2` })));
    const root = new Volume(this, 'root', {
      forEach: rootIt,
      name: rootIt.getString('name'),
      pool,
      baseVolumeId: baseVolume.id,
      size: diskSizeGiB * GIB,
      format: 'qcow2',
    });

    const dataIt = TerraformIterator.fromMap(mapOf(hosts, (h) => ({ name: `${h.name}-docker.qcow2` })));
    const data = new Volume(this, 'docker-data', {
      forEach: dataIt,
      name: dataIt.getString('name'),
      pool,
      size: dataSizeGiB * GIB,
      format: 'qcow2',
      lifecycle: retain ? { preventDestroy: true } : undefined,
    });

    // --- network ------------------------------------------------------------------------------
    const network = new Network(this, 'network', {
      name: networkName,
      mode: 'nat',
      domain: domainName,
      addresses: [cidr],
      autostart: true,
      dhcp: { enabled: true },
      dns: { enabled: true, localOnly: true },
    });
    this.network = network;
    this.networkId = network.id;
    this.networkName = networkName;

    // --- first-boot media and domains ---------------------------------------------------------
    // With a token CIDR the addresses cannot be planned: the hosts take dynamic DHCP leases.
    const hasAddresses = !Token.isUnresolved(cidr);
    const domIt = TerraformIterator.fromMap(mapOf(hosts, (h) => ({
      mac: macs.get(h.name)!,
      ...(hasAddresses ? { address: plannedAddresses[h.name] } : {}),
      wwn: h.wwn,
    })));
    const key = Token.asString(domIt.key);
    const perHost = (resource: { fqn: string }, attribute: string) =>
      Token.asString(Fn.lookupNested(Token.asAny(resource.fqn), [domIt.key, attribute]));

    let firstBoot: { coreosIgnition?: string; fwCfgName?: string; cloudinit?: string };
    if (delivery.kind === 'ignition') {
      const ignIt = TerraformIterator.fromMap(mapOf(hosts, (h) => ({ name: `${h.name}-ignition-${h.hash}.ign`, content: escapeTemplate(h.content) })));
      const ignition = new Ignition(this, 'ignition', {
        forEach: ignIt,
        name: ignIt.getString('name'),
        pool,
        content: ignIt.getString('content'),
      });
      firstBoot = { coreosIgnition: perHost(ignition, 'id'), fwCfgName: delivery.fwCfgName };
    } else {
      const ciIt = TerraformIterator.fromMap(mapOf(hosts, (h) => ({
        name: `${h.name}-cloudinit-${h.hash}.iso`,
        user_data: escapeTemplate(h.content),
        meta_data: `instance-id: ${h.name}-${h.hash}\nlocal-hostname: ${h.name}\n`,
      })));
      const cloudinit = new CloudinitDisk(this, 'cloudinit', {
        forEach: ciIt,
        name: ciIt.getString('name'),
        pool,
        userData: ciIt.getString('user_data'),
        metaData: ciIt.getString('meta_data'),
      });
      firstBoot = { cloudinit: perHost(cloudinit, 'id') };
    }

    const domains = new Domain(this, 'host', {
      forEach: domIt,
      name: key,
      memory: memoryMiB,
      vcpu: vcpus,
      autostart,
      qemuAgent: false,
      // No `machine`: the default i440FX (pc) has the IDE bus 0.8.3 attaches cloud-init ISOs to.
      ...firstBoot,
      disk: [
        // The disk block is ForceNew: a new root volume (new payload hash) replaces the domain.
        { volumeId: perHost(root, 'id') },
        // SCSI with a WWN: udev links /dev/disk/by-id/wwn-0x<wwn>, a name the payload can rely on.
        { volumeId: perHost(data, 'id'), scsi: true, wwn: domIt.getString('wwn') },
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
    this.domains = domains;

    // --- outputs ------------------------------------------------------------------------------
    this.hostNamesOutput = new TerraformOutput(this, 'host-names', {
      value: [...this.hostNames],
      description: `Host names of the ${id} fleet`,
    });
    this.hostAddressesOutput = new TerraformOutput(this, 'host-addresses', {
      value: TerraformIterator.fromResources(domains).forExpressionForMap('key', 'val.network_interface[0].addresses[0]'),
      description: `IPv4 address of each host of the ${id} fleet, by host name`,
    });
  }

  /**
   * The IPv4 address of a host, read from its domain (a token resolved at apply time).
   * @param hostName one of `hostNames`
   */
  public addressOf(hostName: string): string {
    if (!this.hostNames.includes(hostName)) throw Errors.notOneOf('hostName', hostName, this.hostNames);
    return Token.asString(Fn.lookupNested(Token.asAny(this.domains.fqn), [hostName, 'network_interface', 0, 'addresses', 0]));
  }
}

/** The host's model: library defaults (hostname, data volume) as parent, the user's config as child. */
function hostModel(user: HostModel, name: string, device: string | undefined): HostModel {
  const library: DataVolumeModel = { device, label: 'docker-data', fileSystem: 'ext4', mountPoint: '/var/lib/docker' };
  // A user's dockerDataVolume without a device (e.g. only another label) still gets the WWN path.
  const child: HostModel = user.dockerDataVolume !== undefined && user.dockerDataVolume.device === undefined
    ? { ...user, dockerDataVolume: { ...user.dockerDataVolume, device } }
    : user;
  const merged = mergeHostModels({ ...emptyHostModel(), dockerDataVolume: library }, child);
  return { ...merged, hostname: name };
}

/**
 * Terraform reads `${` and `%{` in JSON strings as template syntax; the payload must reach the
 * provider as it is, so those are escaped (`$${`, `%%{`).
 */
function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function mapOf<T, V>(items: T[], fn: (t: T) => V): { [key: string]: V } {
  const out: { [key: string]: V } = {};
  for (const item of items) out[(item as unknown as { name: string }).name] = fn(item);
  return out;
}

function requireLibvirtName(property: string, value: unknown): string {
  if (typeof value === 'string' && Token.isUnresolved(value)) {
    throw Errors.literalRequired(property, value, 'the fleet derives names from it at synth time');
  }
  if (typeof value !== 'string' || !LIBVIRT_NAME.test(value)) throw Errors.badLibvirtName(property, value);
  return value;
}

function resolveHostNames(id: string, hostCount: number, names: string[] | undefined): string[] {
  if (names === undefined) {
    const out = Array.from({ length: hostCount }, (_, i) => `${id}-${i}`);
    const bad = out.find((n) => !DNS_LABEL.test(n));
    if (bad !== undefined) throw Errors.badDefaultHostName(id, bad);
    return out;
  }
  const list = requireArray('hostNames', names);
  if (list.length !== hostCount) throw Errors.hostNamesCount(list, hostCount);
  const seen = new Map<string, string>();
  return list.map((n, i) => {
    const p = `hostNames[${i}]`;
    if (typeof n === 'string' && Token.isUnresolved(n)) throw Errors.literalRequired(p, n, 'hosts are keyed by name at synth time');
    if (typeof n !== 'string' || !DNS_LABEL.test(n)) throw Errors.badHostLabel(p, n);
    const first = seen.get(n.toLowerCase());
    if (first !== undefined) throw Errors.duplicateHostName(p, n, first);
    seen.set(n.toLowerCase(), p);
    return n;
  });
}
